/*
 * A local stand-in for Microsoft's office.js, served to the page in the end-to-end tests instead of the
 * CDN file (no network). It implements only what the add-in's pages use and records what they did.
 * Configured before any page script runs (page.addInitScript) through window.__OFFICE_STUB__:
 *   { host: 'Excel' | null, displayLanguage: 'id-ID' }
 * host null behaves as office.js does in a plain browser: Office.onReady resolves with host null.
 */
(function () {
  'use strict';
  var config = window.__OFFICE_STUB__ || { host: null, displayLanguage: 'id-ID' };
  var calls = (window.__OFFICE_CALLS__ = { showAsTaskpane: 0, associated: {}, ready: 0 });
  var info = { host: config.host || null, platform: config.host ? 'OfficeOnline' : null };
  var readyPromise = null;
  function onReady(callback) {
    if (!readyPromise) {
      readyPromise = new Promise(function (resolve) {
        setTimeout(function () {
          calls.ready++;
          resolve(info);
        }, 0);
      });
    }
    if (typeof callback === 'function') readyPromise.then(callback);
    return readyPromise;
  }
  window.Office = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    onReady: onReady,
    initialize: undefined,
    context: config.host
      ? {
          displayLanguage: config.displayLanguage || 'id-ID',
          contentLanguage: config.displayLanguage || 'id-ID',
          requirements: { isSetSupported: function () { return true; } },
        }
      : undefined,
    addin: {
      showAsTaskpane: function () { calls.showAsTaskpane++; return Promise.resolve(); },
      hide: function () { return Promise.resolve(); },
    },
    actions: {
      associate: function (id, fn) { calls.associated[id] = fn; },
    },
  };
})();
