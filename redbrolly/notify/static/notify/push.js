/* "Notifications on this device": subscribes this browser and posts the subscription with
   the page's own form (CSRF token included). Without JavaScript the page says so instead. */
(function () {
  var form = document.getElementById("push-subscribe");
  if (!form || !("serviceWorker" in navigator) || !("PushManager" in window)) { return; }
  var key = form.getAttribute("data-vapid-key");
  if (!key) { return; }
  document.getElementById("push-needs-js").hidden = true;
  form.hidden = false;

  function bytes(base64url) {
    var padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }

  function text(buffer) {
    var view = new Uint8Array(buffer), raw = "";
    for (var i = 0; i < view.length; i++) { raw += String.fromCharCode(view[i]); }
    return btoa(raw).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    Notification.requestPermission().then(function (answer) {
      if (answer !== "granted") { return; }
      return navigator.serviceWorker.register(form.getAttribute("data-worker")).then(function (registration) {
        return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytes(key) });
      }).then(function (subscription) {
        form.elements.endpoint.value = subscription.endpoint;
        form.elements.p256dh.value = text(subscription.getKey("p256dh"));
        form.elements.auth.value = text(subscription.getKey("auth"));
        form.submit();
      });
    });
  });
})();
