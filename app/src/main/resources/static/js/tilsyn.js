// Sends the CSRF token with every htmx request (forms carry it as a hidden field already).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A rule-set draft edited after its impact was shown: the impact and the save button belong to the old text, so the
// block goes (its polling with it) and a note says to check again. The server refuses to save an edited text anyway.
document.addEventListener('input', function (event) {
  var preview = document.getElementById('ruleset-preview');
  if (event.target.id !== 'yaml' || !preview) {
    return;
  }
  var note = document.createElement('p');
  note.className = 'alert alert-info';
  note.textContent = preview.getAttribute('data-changed-text');
  preview.replaceWith(note);
});
