// A ticket's QR code read with the phone's camera and sent as if typed: at a fair's door, and at a booth.
// The browser's own BarcodeDetector where it reads QR codes, else html5-qrcode (a webjar); without a camera the code
// is typed. Every form marked data-scan-form takes part; its parts are marked data-scan-*.
(function () {
  'use strict';
  var library = window.__Html5QrcodeLibrary__ && window.__Html5QrcodeLibrary__.Html5Qrcode;
  var camera = !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
  if (!camera || !('BarcodeDetector' in window || library)) {
    return;
  }

  function scanner(form) {
    var code = form.querySelector('input[name="code"]');
    var start = form.querySelector('[data-scan-start]');
    var box = form.querySelector('[data-scan-box]');
    var video = form.querySelector('[data-scan-video]');
    var fallback = form.querySelector('[data-scan-fallback]');
    var message = form.querySelector('[data-scan-message]');
    var keep = 'chunfeng-scanning-' + form.id;
    var stream = null;
    var reader = null;
    var timer = null;
    var sent = false;

    function stop() {
      if (timer) {
        clearInterval(timer);
        timer = null;
      }
      if (stream) {
        stream.getTracks().forEach(function (track) { track.stop(); });
        stream = null;
      }
      if (reader) {
        reader.stop().catch(function () { });
        reader = null;
      }
    }

    function found(text) {
      if (sent || !text) {
        return;
      }
      sent = true;
      code.value = String(text).trim();
      stop();
      form.submit();
    }

    function failed(error) {
      stop();
      box.hidden = true;
      start.hidden = false;
      sessionStorage.removeItem(keep);
      message.textContent = error && error.name === 'NotAllowedError' ? box.dataset.denied : box.dataset.noCamera;
    }

    function withDetector() {
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      video.hidden = false;
      return navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
        .then(function (media) {
          stream = media;
          video.srcObject = media;
          return video.play();
        })
        .then(function () {
          timer = setInterval(function () {
            if (video.readyState >= 2) {
              detector.detect(video).then(function (codes) {
                if (codes.length > 0) {
                  found(codes[0].rawValue);
                }
              }).catch(function () { });
            }
          }, 250);
        });
    }

    function withLibrary() {
      video.hidden = true;
      reader = new library(fallback.id);
      return reader.start({ facingMode: 'environment' }, { fps: 10, qrbox: 220 }, found, function () { });
    }

    function begin() {
      box.hidden = false;
      start.hidden = true;
      message.textContent = '';
      sessionStorage.setItem(keep, '1');
      var native = 'BarcodeDetector' in window && window.BarcodeDetector.getSupportedFormats
        ? window.BarcodeDetector.getSupportedFormats().then(function (formats) { return formats.indexOf('qr_code') >= 0; })
        : Promise.resolve(false);
      native.then(function (yes) {
        if (yes) {
          return withDetector();
        }
        if (library) {
          return withLibrary();
        }
        throw new Error('no QR reader');
      }).catch(failed);
    }

    start.hidden = false;
    start.addEventListener('click', begin);
    window.addEventListener('pagehide', stop);
    // after each ticket the page comes back: it keeps scanning if it was
    if (sessionStorage.getItem(keep) === '1') {
      begin();
    }
  }

  document.querySelectorAll('form[data-scan-form]').forEach(scanner);
}());
