// dabiao review pages: small progressive enhancements, nothing the pages need to work.
(function () {
  "use strict";

  // Filters apply as soon as a choice changes (the 筛选 button still works without JS).
  var filters = document.getElementById("filters");
  if (filters) {
    // Empty choices mean "all": leave them out of the URL.
    filters.addEventListener("submit", function () {
      filters.querySelectorAll("select").forEach(function (select) {
        select.disabled = select.value === "";
      });
    });
    filters.querySelectorAll("select").forEach(function (select) {
      select.addEventListener("change", function () { filters.requestSubmit(); });
    });
    // Coming back through history must not leave the choices disabled.
    window.addEventListener("pageshow", function () {
      filters.querySelectorAll("select").forEach(function (select) {
        select.disabled = false;
      });
    });
  }

  // Export page: poll the API until the workbook is ready, then offer the download.
  var card = document.getElementById("export");
  if (!card) { return; }
  var statusUrl = card.getAttribute("data-status-url");
  var statusEl = document.getElementById("export-status");
  var link = document.getElementById("download-link");
  var waitEl = document.getElementById("export-wait");
  var errorEl = document.getElementById("export-error");

  function show(data) {
    statusEl.textContent = data.status_label;
    card.setAttribute("data-status", data.status);
    if (data.status === "done") {
      link.hidden = false;
      var bulletin = document.getElementById("bulletin-link");
      if (bulletin) { bulletin.hidden = false; }
      waitEl.hidden = true;
      return true;
    }
    if (data.status === "failed") {
      errorEl.textContent = data.error || "生成失败";
      errorEl.hidden = false;
      waitEl.hidden = true;
      return true;
    }
    return false;
  }

  function poll() {
    fetch(statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (data) { if (!show(data)) { window.setTimeout(poll, 1500); } })
      .catch(function () { window.setTimeout(poll, 4000); });
  }

  var initial = card.getAttribute("data-status");
  if (initial !== "done" && initial !== "failed") { poll(); }
})();
