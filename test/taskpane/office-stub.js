/*
 * A local stand-in for Microsoft's office.js, served to the page in the end-to-end tests instead of the
 * CDN file (no network). It implements only what the add-in's pages use and records what they did.
 * Configured before any page script runs (page.addInitScript) through window.__OFFICE_STUB__:
 *   { host: 'Excel' | null, displayLanguage: 'id-ID', unsupported: ['CustomFunctionsRuntime'] }
 * host null behaves as office.js does in a plain browser: Office.onReady resolves with host null.
 * `unsupported` names requirement sets isSetSupported denies (an older Excel).
 *
 * What the page did, in window.__OFFICE_CALLS__:
 *   log                 the calls in order: 'associate:<id>', 'onReady', 'ready', 'visibility:<mode>'
 *   associated[id]      the ribbon handlers registered with Office.actions.associate
 *   showAsTaskpane      how often the pane was asked to show
 *   visibilityHandlers  how many onVisibilityModeChanged handlers are registered now
 *   setVisibility(mode) what Office does when the user closes ('Hidden') or opens ('Taskpane') the pane
 */
(function () {
  'use strict';
  var config = window.__OFFICE_STUB__ || { host: null, displayLanguage: 'id-ID' };
  var unsupported = config.unsupported || [];
  var visibilityHandlers = [];
  var calls = (window.__OFFICE_CALLS__ = {
    showAsTaskpane: 0,
    associated: {},
    ready: 0,
    log: [],
    get visibilityHandlers() {
      return visibilityHandlers.length;
    },
    setVisibility: function (mode) {
      calls.log.push('visibility:' + mode);
      visibilityHandlers.slice().forEach(function (h) {
        h({ visibilityMode: mode });
      });
    },
  });
  var info = { host: config.host || null, platform: config.host ? 'OfficeOnline' : null };
  var readyPromise = null;
  function onReady(callback) {
    calls.log.push('onReady');
    if (!readyPromise) {
      // Like office.js, Office is ready only some time after the page's scripts ran (here: after the load
      // event), so what a page does at load and what it does once Office is ready can be told apart.
      readyPromise = new Promise(function (resolve) {
        function ready() {
          setTimeout(function () {
            calls.ready++;
            calls.log.push('ready');
            resolve(info);
          }, 0);
        }
        if (document.readyState === 'complete') ready();
        else window.addEventListener('load', ready, { once: true });
      });
    }
    if (typeof callback === 'function') readyPromise.then(callback);
    return readyPromise;
  }
  window.Office = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    VisibilityMode: { hidden: 'Hidden', taskpane: 'Taskpane' },
    onReady: onReady,
    initialize: undefined,
    context: config.host
      ? {
          displayLanguage: config.displayLanguage || 'id-ID',
          contentLanguage: config.displayLanguage || 'id-ID',
          requirements: {
            isSetSupported: function (name) {
              return unsupported.indexOf(name) < 0;
            },
          },
        }
      : undefined,
    addin: {
      showAsTaskpane: function () { calls.showAsTaskpane++; return Promise.resolve(); },
      hide: function () { return Promise.resolve(); },
      onVisibilityModeChanged: function (handler) {
        visibilityHandlers.push(handler);
        return Promise.resolve(function () {
          visibilityHandlers = visibilityHandlers.filter(function (h) { return h !== handler; });
          return Promise.resolve();
        });
      },
    },
    actions: {
      associate: function (id, fn) {
        calls.log.push('associate:' + id);
        calls.associated[id] = fn;
      },
    },
  };
})();
