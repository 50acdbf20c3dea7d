// Large uploads on a system's extracts page (progressive enhancement: without this script the form posts as usual).
// - A file is sent as the request body (XMLHttpRequest, for its upload progress), not as multipart; what it is, the
//   chosen import profile and its name go in the query, the CSRF token in a header.
// - One file: the answer is the check's status block, which polls itself with htmx; the address bar moves to the
//   status page, so a reload shows the same check. A finished check opens its preview.
// - Several files: each gets a block of its own (from the page's template) with its bytes sent, then its check's
//   status block (inline: it stays in place when done, with a link to the file's preview). Files are sent one after
//   another, so each has the line to itself and a failure of one is shown in its block while the rest go on. Leaving
//   the page while a file is still being sent asks first; once sent, the checks go on on the server.
// - The file field's area also takes dropped files; the native file input stays as it is for keyboard users.
(function () {
  'use strict';

  var blocks = 0;

  function megabytes(bytes) {
    return (bytes / 1000000).toLocaleString(document.documentElement.lang || undefined,
      { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }

  function fill(template, first, second) {
    return template.replace('{0}', first).replace('{1}', second === undefined ? '' : second);
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

  function insertStatus(area, html) {
    area.innerHTML = html;
    if (window.htmx) {
      window.htmx.process(area);
    }
  }

  /** The request that sends one file; the caller adds its listeners and sends it. */
  function request(form, file, inline) {
    var query = new URLSearchParams();
    query.set('kind', form.elements.kind.value);
    query.set('asOf', form.elements.asOf.value);
    if (form.elements.profile) {
      query.set('profile', form.elements.profile.value);
    }
    query.set('name', file.name);
    if (inline) {
      query.set('inline', 'true');
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('data-stream-url') + '?' + query.toString());
    var token = csrf();
    if (token) {
      xhr.setRequestHeader(token.header, token.token);
    }
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    return xhr;
  }

  function tooLarge(form, file) {
    var max = Number(form.getAttribute('data-max-bytes'));
    return max > 0 && file.size > max;
  }

  /** A progress bar and its text, showing how much of a file has been sent. */
  function sentMeter(bar, text, file) {
    var total = megabytes(file.size);
    return function (sent) {
      bar.max = Math.max(file.size, 1);
      bar.value = sent;
      text.textContent = fill(text.getAttribute('data-template'), megabytes(sent), total);
    };
  }

  // ---- one file ------------------------------------------------------------------------------------------------

  function send(form, file) {
    var area = document.getElementById('upload-status-area');
    var panel = document.getElementById('upload-sending');
    var button = form.querySelector('button[type="submit"]');
    area.textContent = '';
    if (tooLarge(form, file)) {
      showMessage(area, form.getAttribute('data-too-large'));
      return;
    }
    var xhr = request(form, file, false);
    var progress = sentMeter(document.getElementById('upload-sent'), document.getElementById('upload-sent-text'), file);
    xhr.upload.addEventListener('progress', function (event) {
      progress(event.loaded);
    });
    xhr.addEventListener('load', function () {
      button.disabled = false;
      if (xhr.status === 201) {
        progress(file.size);
        var location = xhr.getResponseHeader('Location');
        if (location) {
          window.history.replaceState(null, '', location);
        }
      } else {
        panel.hidden = true;
      }
      insertStatus(area, xhr.responseText);
      var done = area.querySelector('[data-done-url]');
      if (done) {
        window.location.assign(done.getAttribute('data-done-url'));
      }
    });
    xhr.addEventListener('error', function () {
      button.disabled = false;
      panel.hidden = true;
      showMessage(area, form.getAttribute('data-network'));
    });
    button.disabled = true;
    progress(0);
    panel.hidden = false;
    xhr.send(file);
  }

  // ---- several files -------------------------------------------------------------------------------------------

  /** Asks before the page is left while a file is still on its way (it would be cut off). */
  function stayWhileSending(event) {
    event.preventDefault();
    event.returnValue = '';
  }

  /** A file's block: its heading, a polite status line, its bytes sent and, once sent, its check's status. */
  function fileBlock(list, file) {
    var section = document.getElementById('upload-file-template').content.firstElementChild.cloneNode(true);
    var id = 'upload-file-' + (++blocks);
    var title = section.querySelector('[data-file-title]');
    title.id = id + '-title';
    title.textContent = fill(section.getAttribute('data-title'), file.name);
    section.setAttribute('aria-labelledby', title.id);
    var bar = section.querySelector('progress');
    bar.id = id + '-sent';
    section.querySelector('[data-file-sending] label').setAttribute('for', bar.id);
    var announcer = section.querySelector('[data-file-announce]');
    announcer.textContent = fill(section.getAttribute('data-waiting'), file.name);
    list.appendChild(section);
    var block = {
      file: file,
      section: section,
      sending: section.querySelector('[data-file-sending]'),
      status: section.querySelector('[data-file-status]'),
      progress: sentMeter(bar, section.querySelector('[data-file-sent-text]'), file),
      announce: function (template, text) {
        var line = fill(section.getAttribute(template), file.name, text);
        if (announcer.textContent !== line) {
          announcer.textContent = line;
        }
      }
    };
    block.sending.hidden = true;
    // The check's block replaces itself on every poll; its status (not its byte counts) is what is announced.
    new MutationObserver(function () {
      var state = block.status.querySelector('[data-upload-state]');
      if (state) {
        block.announce('data-state', state.textContent.trim());
      }
    }).observe(block.status, { childList: true, subtree: true });
    return block;
  }

  function notSent(block, message) {
    block.sending.hidden = true;
    block.announce('data-not-sent');
    if (message !== null) {
      showMessage(block.status, message);
    }
  }

  function sendOne(form, block, next) {
    if (tooLarge(form, block.file)) {
      notSent(block, form.getAttribute('data-too-large'));
      next();
      return;
    }
    var xhr = request(form, block.file, true);
    xhr.upload.addEventListener('progress', function (event) {
      block.progress(event.loaded);
    });
    xhr.addEventListener('load', function () {
      if (xhr.status === 201) {
        block.progress(block.file.size);
      } else {
        notSent(block, null);
      }
      insertStatus(block.status, xhr.responseText);
      next();
    });
    xhr.addEventListener('error', function () {
      notSent(block, form.getAttribute('data-network'));
      next();
    });
    block.progress(0);
    block.sending.hidden = false;
    block.announce('data-sending');
    xhr.send(block.file);
  }

  function sendSeveral(form, files) {
    var list = document.getElementById('upload-files');
    var note = document.getElementById('upload-files-note');
    var button = form.querySelector('button[type="submit"]');
    var queue = [];
    for (var i = 0; i < files.length; i++) {
      queue.push(fileBlock(list, files[i]));
    }
    list.hidden = false;
    note.textContent = note.getAttribute('data-sending');
    button.disabled = true;
    window.addEventListener('beforeunload', stayWhileSending);
    var next = 0;
    (function sendNext() {
      if (next === queue.length) {
        window.removeEventListener('beforeunload', stayWhileSending);
        button.disabled = false;
        note.textContent = note.getAttribute('data-sent');
        return;
      }
      sendOne(form, queue[next++], sendNext);
    })();
  }

  // ---- dropping files ------------------------------------------------------------------------------------------

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
    var several = document.getElementById('upload-file-template') && window.MutationObserver
      && 'content' in document.createElement('template');
    form.addEventListener('submit', function (event) {
      if (!input.files || input.files.length === 0 || (input.files.length > 1 && !several)) {
        // None: the browser's own validation speaks. Several in a browser without templates: a plain form post;
        // the server checks them side by side and the page lists each check.
        return;
      }
      event.preventDefault();
      if (input.files.length === 1) {
        send(form, input.files[0]);
      } else {
        sendSeveral(form, Array.prototype.slice.call(input.files));
      }
    });
  });
})();
