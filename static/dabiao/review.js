// dabiao 文件审核: drag-and-drop upload with per-file status, and the review page's
// keyboard shortcuts, statement focus and 补录 by text selection.
(function () {
  "use strict";

  function csrf(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // ------------------------------------------------------------------ upload page
  var uploadForm = document.getElementById("upload-form");
  if (uploadForm) {
    var input = document.getElementById("id_files");
    var zone = document.getElementById("dropzone");
    var results = document.getElementById("upload-results");
    var table = document.querySelector("#documents tbody");
    var statusUrl = uploadForm.getAttribute("data-status-url");
    var maxBytes = parseInt(uploadForm.getAttribute("data-max-bytes"), 10);
    var maxLabel = uploadForm.getAttribute("data-max-label");
    var watching = {};
    var timer = null;

    function note(name, text, ok) {
      var li = document.createElement("li");
      li.className = ok ? "ok" : "error";
      li.textContent = (name ? name + ":" : "") + text;
      results.appendChild(li);
      return li;
    }

    function cell(cls, text) {
      var td = document.createElement("td");
      if (cls) { td.className = cls; }
      if (text !== undefined) { td.textContent = text; }
      return td;
    }

    function rowFor(doc) {
      var row = table.querySelector('tr[data-document="' + doc.id + '"]');
      if (row) { return row; }
      var empty = table.querySelector(".no-documents");
      if (empty) { empty.remove(); }
      row = document.createElement("tr");
      row.setAttribute("data-document", doc.id);
      var first = cell("");
      var link = document.createElement("a");
      link.className = "target-link doc-link";
      link.href = doc.url;
      first.appendChild(link);
      var sub = document.createElement("div");
      sub.className = "sub";
      sub.textContent = doc.name;
      first.appendChild(sub);
      row.appendChild(first);
      row.appendChild(cell("doc-region"));
      row.appendChild(cell("doc-year"));
      row.appendChild(cell("doc-kind"));
      var status = cell("");
      var chip = document.createElement("span");
      chip.className = "doc-status state";
      status.appendChild(chip);
      row.appendChild(status);
      var counts = cell("doc-counts");
      counts.innerHTML = '<span class="count-unreviewed"></span> / <span class="count-confirmed"></span> / <span class="count-corrected"></span> / <span class="count-rejected">0</span>';
      row.appendChild(counts);
      row.appendChild(cell("sub", "刚刚"));
      table.insertBefore(row, table.firstChild);
      return row;
    }

    function show(doc) {
      var row = rowFor(doc);
      row.setAttribute("data-status", doc.status);
      row.querySelector(".doc-link").textContent = doc.title;
      row.querySelector(".doc-region").textContent = doc.region || "—";
      row.querySelector(".doc-year").textContent = doc.year || "—";
      row.querySelector(".doc-kind").textContent = doc.kind_label;
      var chip = row.querySelector(".doc-status");
      chip.textContent = doc.status_label;
      chip.className = "doc-status state state-" + doc.status;
      var error = row.querySelector(".doc-error");
      if (doc.error) {
        if (!error) {
          error = document.createElement("div");
          error.className = "sub error-text doc-error";
          chip.parentNode.appendChild(error);
        }
        error.textContent = doc.error;
      } else if (error) {
        error.remove();
      }
      if (doc.unreviewed !== null && doc.unreviewed !== undefined) {
        row.querySelector(".count-unreviewed").textContent = doc.unreviewed;
        row.querySelector(".count-confirmed").textContent = doc.confirmed;
        row.querySelector(".count-corrected").textContent = doc.corrected;
      }
      var noteEl = results.querySelector('li[data-note-for="' + doc.id + '"]');
      if (noteEl) {
        noteEl.textContent = noteEl.getAttribute("data-name") + ":" + doc.status_label +
          (doc.error ? "(" + doc.error + ")" : "");
        noteEl.className = doc.status === "failed" ? "error" : "ok";
      }
      if (doc.status === "pending" || doc.status === "processing") {
        watching[doc.id] = true;
        poll();
      } else {
        delete watching[doc.id];
      }
    }

    function poll() {
      if (timer) { return; }
      timer = window.setTimeout(function () {
        timer = null;
        var ids = Object.keys(watching);
        if (!ids.length) { return; }
        fetch(statusUrl + "?ids=" + ids.join(","), {
          headers: { Accept: "application/json" },
          credentials: "same-origin"
        })
          .then(function (r) { return r.json(); })
          .then(function (data) { data.documents.forEach(show); })
          .catch(function () {})
          .then(function () { if (Object.keys(watching).length) { poll(); } });
      }, 1000);
    }

    function upload(file) {
      if (file.size > maxBytes) {
        note(file.name, "文件过大:上限为 " + maxLabel + "。", false);
        return Promise.resolve();
      }
      var data = new FormData();
      data.append("files", file);
      ["region", "published", "kind"].forEach(function (name) {
        var field = uploadForm.elements[name];
        if (field && field.value) { data.append(name, field.value); }
      });
      var pending = note(file.name, "正在上传…", true);
      return fetch(uploadForm.action, {
        method: "POST",
        body: data,
        headers: { Accept: "application/json", "X-CSRFToken": csrf(uploadForm) },
        credentials: "same-origin"
      })
        .then(function (r) {
          if (r.status === 413) { throw new Error("文件过大:上限为 " + maxLabel + "。"); }
          return r.json();
        })
        .then(function (payload) {
          pending.remove();
          payload.results.forEach(function (result) {
            if (!result.ok) { note(result.name, result.error, false); return; }
            var li = note(result.name, result.message, true);
            li.className = result.created ? "ok" : "duplicate";
            if (result.created) {
              li.setAttribute("data-note-for", result.document.id);
              li.setAttribute("data-name", result.name);
            }
            show(result.document);
          });
        })
        .catch(function (error) {
          pending.remove();
          note(file.name, error.message || "上传失败", false);
        });
    }

    function uploadAll(files) {
      var chain = Promise.resolve();
      Array.prototype.forEach.call(files, function (file) {
        chain = chain.then(function () { return upload(file); });
      });
      return chain;
    }

    input.addEventListener("change", function () {
      uploadAll(input.files).then(function () { input.value = ""; });
    });
    uploadForm.addEventListener("submit", function (event) {
      event.preventDefault();
      uploadAll(input.files).then(function () { input.value = ""; });
    });
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.add("over");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      uploadAll(event.dataTransfer.files);
    });
    table.querySelectorAll("tr[data-document]").forEach(function (row) {
      var status = row.getAttribute("data-status");
      if (status === "pending" || status === "processing") {
        watching[row.getAttribute("data-document")] = true;
      }
    });
    poll();
  }

  // ------------------------------------------------------------------ review page
  var list = document.getElementById("statements");
  if (!list) { return; }
  var items = Array.prototype.slice.call(list.querySelectorAll("li.statement"));
  var textPane = document.getElementById("doc-text");
  var current = -1;

  function mark(item) {
    return document.getElementById("mark-" + item.getAttribute("data-key"));
  }

  function select(index, scroll) {
    if (!items.length) { return; }
    index = Math.max(0, Math.min(items.length - 1, index));
    if (current >= 0 && items[current]) {
      items[current].classList.remove("current");
      var old = mark(items[current]);
      if (old) { old.classList.remove("current"); }
    }
    current = index;
    var item = items[current];
    item.classList.add("current");
    var m = mark(item);
    if (m) {
      m.classList.add("current");
      if (scroll !== false) { m.scrollIntoView({ block: "center" }); }
    }
    if (scroll !== false) { item.scrollIntoView({ block: "nearest" }); }
  }

  function openEdit(item) {
    var form = item.querySelector(".st-edit");
    if (!form) { return; }
    form.hidden = false;
    var field = form.querySelector("input[name=indicator]");
    if (field) { field.focus(); field.select(); }
  }

  items.forEach(function (item, index) {
    item.addEventListener("click", function (event) {
      if (event.target.closest("form, button, a, summary, input, select")) { return; }
      select(index);
    });
    var edit = item.querySelector(".b-edit");
    if (edit) {
      edit.addEventListener("click", function () { select(index, false); openEdit(item); });
    }
    var cancel = item.querySelector(".b-cancel");
    if (cancel) {
      cancel.addEventListener("click", function () { item.querySelector(".st-edit").hidden = true; });
    }
    var m = mark(item);
    if (m) {
      m.addEventListener("click", function () { select(index); });
    }
  });

  var grid = document.querySelector(".review-grid");
  var focusKey = grid ? grid.getAttribute("data-focus") : "";
  var start = 0;
  items.forEach(function (item, index) {
    if (focusKey && item.getAttribute("data-key") === focusKey) { start = index; }
  });
  if (items.length) { select(start, Boolean(focusKey)); }

  function click(item, selector) {
    var button = item.querySelector(selector);
    if (button) { button.click(); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea") {
      if (event.key === "Escape") {
        var form = event.target.closest(".st-edit");
        if (form) { form.hidden = true; event.target.blur(); }
      }
      return;
    }
    var item = items[current];
    switch (event.key) {
      case "j": case "J": case "ArrowDown":
        select(current + 1); event.preventDefault(); break;
      case "k": case "K": case "ArrowUp":
        select(current - 1); event.preventDefault(); break;
      case "a": case "A":
        if (item) { click(item, ".b-confirm"); event.preventDefault(); }
        break;
      case "x": case "X": case "Delete":
        if (item) { click(item, ".b-reject"); event.preventDefault(); }
        break;
      case "e": case "E":
        if (item) { openEdit(item); event.preventDefault(); }
        break;
      default:
        break;
    }
  });

  // 补录: select text in the document, then add it as a statement.
  var addButton = document.getElementById("add-button");
  var addForm = document.getElementById("add-form");
  var selected = null;

  function offset(node, off) {
    if (node.nodeType === Node.TEXT_NODE) {
      var el = node.parentElement.closest("[data-o]");
      return el ? parseInt(el.getAttribute("data-o"), 10) + off : null;
    }
    var child = node.childNodes[off];
    if (child && child.getAttribute && child.hasAttribute("data-o")) {
      return parseInt(child.getAttribute("data-o"), 10);
    }
    return null;
  }

  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) { selected = null; addButton.hidden = true; return; }
    var range = selection.getRangeAt(0);
    if (!textPane.contains(range.startContainer) || !textPane.contains(range.endContainer)) {
      return;
    }
    var a = offset(range.startContainer, range.startOffset);
    var b = offset(range.endContainer, range.endOffset);
    var quote = selection.toString();
    if (a === null || b === null || b <= a || !quote.trim()) { return; }
    selected = { start: a, end: b, quote: quote };
    addButton.hidden = false;
  });

  addButton.addEventListener("click", function () {
    if (!selected) { return; }
    document.getElementById("add-start").value = selected.start;
    document.getElementById("add-end").value = selected.end;
    document.getElementById("add-quote").textContent = selected.quote;
    addForm.hidden = false;
    addButton.hidden = true;
    document.getElementById("add-indicator").focus();
  });
  document.getElementById("add-cancel").addEventListener("click", function () {
    addForm.hidden = true;
  });
})();
