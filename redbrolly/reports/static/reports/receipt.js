// Copy the receipt code (progressive enhancement: the button stays hidden without JavaScript).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById("copy-status");
    if (!source || !navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.replace(/\s+/g, "")).then(function () {
        if (status) { status.textContent = button.getAttribute("data-copied") || "Copied"; }
      });
    });
  });
});
