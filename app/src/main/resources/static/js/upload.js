// Large uploads on a system's extracts page (progressive enhancement: without this script the form posts as usual).
// - The file is sent as the request body (XMLHttpRequest, for its upload progress), not as multipart; what it is
//   and its name go in the query, the CSRF token in a header.
// - The answer is the check's status block, which polls itself with htmx; the address bar moves to the status page,
//   so a reload shows the same check. A finished check opens its preview.
// - The file field's area also takes dropped files; the native file input stays as it is for keyboard users.
// - Several files at once go as a plain form post (the server checks them side by side).
(function () {
  'use strict';

  function megabytes(bytes) {
    return (bytes / 1000000).toLocaleString(document.documentElement.lang || undefined,
      { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  function showMessage(area, text) {
    area.textContent = '';
    var alert = document.createElement('div');
    alert.className = 'alert alert-danger mt-3';
    alert.setAttribute('role', 'alert');
    alert.textContent = text;
    area.appendChild(alert);
  }

  function showStatus(area, html) {
    area.innerHTML = html;
    if (window.htmx) {
      window.htmx.process(area);
    }
    var done = area.querySelector('[data-done-url]');
    if (done) {
      window.location.assign(done.getAttribute('data-done-url'));
    }
  }

  function send(form, file) {
    var area = document.getElementById('upload-status-area');
    var panel = document.getElementById('upload-sending');
    var bar = document.getElementById('upload-sent');
    var text = document.getElementById('upload-sent-text');
    var button = form.querySelector('button[type="submit"]');
    var max = Number(form.getAttribute('data-max-bytes'));
    area.textContent = '';
    if (max > 0 && file.size > max) {
      showMessage(area, form.getAttribute('data-too-large'));
      return;
    }
    var query = new URLSearchParams();
    query.set('kind', form.elements.kind.value);
    query.set('asOf', form.elements.asOf.value);
    query.set('name', file.name);
    var request = new XMLHttpRequest();
    request.open('POST', form.getAttribute('data-stream-url') + '?' + query.toString());
    var token = csrf();
    if (token) {
      request.setRequestHeader(token.header, token.token);
    }
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    var total = megabytes(file.size);
    function progress(sent) {
      bar.max = Math.max(file.size, 1);
      bar.value = sent;
      text.textContent = text.getAttribute('data-template').replace('{0}', megabytes(sent)).replace('{1}', total);
    }
    request.upload.addEventListener('progress', function (event) {
      progress(event.loaded);
    });
    request.addEventListener('load', function () {
      button.disabled = false;
      if (request.status === 201) {
        progress(file.size);
        var location = request.getResponseHeader('Location');
        if (location) {
          window.history.replaceState(null, '', location);
        }
      } else {
        panel.hidden = true;
      }
      showStatus(area, request.responseText);
    });
    request.addEventListener('error', function () {
      button.disabled = false;
      panel.hidden = true;
      showMessage(area, form.getAttribute('data-network'));
    });
    button.disabled = true;
    progress(0);
    panel.hidden = false;
    request.send(file);
  }

  function enableDrop(zone, input) {
    var hint = zone.querySelector('[data-drop-hint]');
    var idle = hint ? hint.textContent : '';
    function active(on) {
      zone.classList.toggle('tilsyn-drop-active', on);
      if (hint) {
        hint.textContent = on ? zone.getAttribute('data-drop-active') : idle;
      }
    }
    zone.addEventListener('dragover', function (event) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      active(true);
    });
    zone.addEventListener('dragleave', function (event) {
      if (!zone.contains(event.relatedTarget)) {
        active(false);
      }
    });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      active(false);
      if (event.dataTransfer.files.length > 0) {
        var chosen = new DataTransfer();
        for (var i = 0; i < event.dataTransfer.files.length; i++) {
          chosen.items.add(event.dataTransfer.files[i]);
        }
        input.files = chosen.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        input.focus();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('upload-form');
    if (!form || !window.XMLHttpRequest || !window.URLSearchParams) {
      return;
    }
    var input = form.querySelector('input[type="file"]');
    var zone = form.querySelector('[data-drop-zone]');
    if (zone && input && window.DataTransfer) {
      enableDrop(zone, input);
    }
    form.addEventListener('submit', function (event) {
      if (!input.files || input.files.length !== 1) {
        // None: the browser's own validation speaks. Several: a plain form post; the server checks them side by
        // side and the page lists each check.
        return;
      }
      event.preventDefault();
      send(form, input.files[0]);
    });
  });
})();
