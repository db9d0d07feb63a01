/* Service worker for web push. Shows what the server sent: in discreet mode that is only a
   neutral line, so nothing sensitive ever reaches the lock screen. */
self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {}; }
  event.waitUntil(self.registration.showNotification(data.title || "New update", {
    body: data.body || "",
    icon: "/static/redbrolly/neutral.svg",
    data: { url: data.url || "/" }
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var url = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(self.clients.openWindow(url));
});
