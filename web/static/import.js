// The import form refuses a file over the upload limit before sending it:
// the server answers such a file with a page, but one far over the limit
// is cut off mid-upload, and a browser may then show a connection reset
// instead of that page.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form) return;
  var input = document.getElementById('file');
  var out = document.getElementById('file-error');
  function check() {
    var max = Number(form.getAttribute('data-max-bytes'));
    var f = input.files && input.files[0];
    var msg = '';
    if (f && max > 0 && f.size > max) {
      msg = f.name + ' is ' + (f.size / 1048576).toFixed(1) + ' MB; the limit is ' +
        form.getAttribute('data-max-size') + '. Split it, or import it with `benchboard import` on the server.';
    }
    input.setCustomValidity(msg);
    out.textContent = msg;
    if (msg) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
    return !msg;
  }
  input.addEventListener('change', check);
  form.addEventListener('submit', function (e) {
    if (!check()) e.preventDefault();
  });
})();
