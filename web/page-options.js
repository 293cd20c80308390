// What the address asks of the page itself, before the app starts (loaded in <head>, so the
// page never flashes in the wrong colours). A file, not an inline script: the page's
// Content-Security-Policy allows no inline scripts (index.html).
//   ?theme=dark            dark page colours (the app follows with its own theme)
//   ?embed=1 in an iframe  class herreg-embedded (web/embed.js' iframe; see style.css)
//   ?accent=%237a1f5c      the association's colour, for the loading spinner too
(function () {
  try {
    var params = new URLSearchParams(window.location.search);
    var theme = params.get("theme");
    if (theme === "dark" || theme === "light") document.documentElement.setAttribute("data-theme", theme);
    if (params.get("embed") === "1" && window.parent !== window) document.documentElement.classList.add("herreg-embedded");
    var accent = (params.get("accent") || "").replace(/^#/, "");
    if (/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(accent)) document.documentElement.style.setProperty("--herreg-accent", "#" + accent);
  } catch (e) {}
})();
