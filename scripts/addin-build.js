'use strict';
/**
 * What the add-in build makes of its settings (used by webpack.config.js, checked by test/manifest):
 *
 * - settings(): the build-time settings, from the environment and package.json
 *     ADDIN_URL       where the add-in is hosted (https). Default: the dev server https://localhost:3000.
 *     ADDIN_PROVIDER  who provides it (the manifest's ProviderName, the help page). Default below.
 *     ADDIN_SUPPORT   how users report a problem: an e-mail address or an https URL (the help page).
 *                     Default: none (the help page tells users to contact whoever gave them the add-in).
 *     SPBE_RELEASE=1  (or `webpack --env release`, `npm run build:release`): a release build, which fails
 *                     instead of warning when ADDIN_URL or ADDIN_SUPPORT is missing.
 *   The version is package.json's "version" (x.y.z), written into the manifest as x.y.z.0: one source.
 * - transformManifest(): manifest.xml (the development manifest, what `npm start` sideloads) as a build
 *   writes it to dist/: the production identity (Id, display name without "(dev)", function namespace
 *   SPBE) in production mode, every https://localhost:3000 replaced by ADDIN_URL, the provider and the version.
 * - helpParameters(): what the help page (src/help/help.html) shows of the settings.
 * - nginxConf() / webConfig(): sample server configurations for the built files (deploy/), with the MIME
 *   types and the CORS headers Office needs.
 *
 * Nothing here runs at require time.
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DEV_URL = 'https://localhost:3000';
const DEFAULT_PROVIDER = 'SPBE Index Add-in Project';
/** The URL the committed sample configurations in deploy/ are written for. */
const SAMPLE_URL = 'https://spbe.example.go.id';

/**
 * Two identities, so a development copy and the released add-in can be installed side by side: Office
 * keys add-ins by <Id>, and two add-ins with the same custom-functions namespace make Excel show #REF!.
 * manifest.xml in the repository carries the development identity (test/manifest checks it).
 */
const IDENTITY = {
  development: { id: '5b0e2a8e-6f3c-4d1e-9a57-2c4f8d3b1e60', suffix: ' (dev)', namespace: 'SPBEDEV' },
  production: { id: '39bbd930-eb51-4cde-8a02-9583fc1ef5dc', suffix: '', namespace: 'SPBE' },
};

/** package.json's version as the manifest's four-part version (1.0.0 -> 1.0.0.0). */
function manifestVersion(version) {
  const m = /^(\d{1,4})\.(\d{1,4})\.(\d{1,4})$/.exec(String(version));
  if (!m) throw new Error(`package.json "version" must be x.y.z (numbers, no pre-release tag) for the add-in manifest: "${version}"`);
  if (Number(m[1]) < 1) throw new Error(`Office and the Marketplace refuse an add-in version below 1.0.0.0: package.json has "${version}"`);
  return `${Number(m[1])}.${Number(m[2])}.${Number(m[3])}.0`;
}

function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
}

/** ADDIN_URL without a trailing slash; throws on anything but an https URL. */
function addinUrl(raw) {
  const value = String(raw || DEV_URL).trim().replace(/\/+$/, '');
  let parsed;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: "${value}"`);
  }
  if (parsed.protocol !== 'https:') throw new Error(`ADDIN_URL must be an https URL (Office loads add-ins only over https): "${value}"`);
  if (parsed.search || parsed.hash) throw new Error(`ADDIN_URL must be the folder the add-in is served from, without ?query or #fragment: "${value}"`);
  return value;
}

/** ADDIN_SUPPORT: an e-mail address or an https URL, or null when not set. */
function supportContact(raw) {
  const value = String(raw || '').trim();
  if (!value) return null;
  if (/^mailto:/i.test(value)) return supportContact(value.slice(7));
  if (/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value)) return { kind: 'email', value, href: `mailto:${value}` };
  let parsed = null;
  try {
    parsed = new URL(value);
  } catch {
    parsed = null;
  }
  if (parsed && parsed.protocol === 'https:') return { kind: 'url', value, href: value };
  throw new Error(`ADDIN_SUPPORT must be an e-mail address or an https URL: "${value}"`);
}

function truthy(v) {
  return v !== undefined && v !== '' && v !== '0' && String(v).toLowerCase() !== 'false';
}

/**
 * The build's settings. `env` is process.env (or a test's object); `release` comes from `--env release`.
 * Throws for a release without ADDIN_URL or ADDIN_SUPPORT, and for malformed values.
 */
function settings(env = process.env, options = {}) {
  const release = Boolean(options.release) || truthy(env.SPBE_RELEASE);
  const urlSet = Boolean(env.ADDIN_URL && String(env.ADDIN_URL).trim());
  const url = addinUrl(env.ADDIN_URL);
  const provider = String(env.ADDIN_PROVIDER || '').trim() || DEFAULT_PROVIDER;
  if (provider.length > 250) throw new Error('ADDIN_PROVIDER is longer than the 250 characters a manifest allows');
  const support = supportContact(env.ADDIN_SUPPORT);
  const version = options.version || packageVersion();
  if (release) {
    const missing = [];
    if (!urlSet || new URL(url).hostname === 'localhost') missing.push('ADDIN_URL (the https address the add-in is served from)');
    if (!support) missing.push('ADDIN_SUPPORT (an e-mail address or https URL where users report problems)');
    if (missing.length) throw new Error(`A release build needs ${missing.join(' and ')}. Example:\n  ADDIN_URL=https://spbe.example.go.id ADDIN_SUPPORT=spbe@example.go.id ADDIN_PROVIDER="Diskominfo Kabupaten Contoh" npm run build:release`);
  }
  return { url, urlSet, provider, providerSet: Boolean(env.ADDIN_PROVIDER && String(env.ADDIN_PROVIDER).trim()), support, version, manifestVersion: manifestVersion(version), release };
}

/** The loud line a production build prints when it would ship the dev server's URL. */
function missingUrlWarning() {
  const bar = '!'.repeat(100);
  return [
    bar,
    `!! WARNING: ADDIN_URL is not set. dist/manifest.xml points at ${DEV_URL} (the development server):`,
    '!! users cannot load the add-in from it. Build with the address you host dist/ at, e.g.',
    '!!   ADDIN_URL=https://spbe.example.go.id npm run build',
    '!! or use `npm run build:release` (SPBE_RELEASE=1), which fails instead of warning.',
    bar,
  ].join('\n');
}

const xmlEscape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function replaceOnce(text, pattern, replacement, what) {
  let n = 0;
  const out = text.replace(pattern, (...args) => {
    n++;
    return typeof replacement === 'function' ? replacement(...args) : replacement;
  });
  if (n !== 1) throw new Error(`manifest.xml: expected exactly one ${what}, found ${n}`);
  return out;
}

/**
 * manifest.xml as a build writes it. `mode` is 'production' (the released identity) or 'development'
 * (the identity of the repository's manifest, kept).
 */
function transformManifest(xml, s, mode) {
  const dev = IDENTITY.development;
  const target = mode === 'production' ? IDENTITY.production : dev;
  let out = String(xml);
  // The repository's comment describes the development file; the built one says what it is instead.
  const made = `Built by webpack (${mode}) from manifest.xml: ${mode === 'production' ? 'the released add-in' : 'the development add-in "(dev)"'}, version ${s.manifestVersion}, served from ${s.url}/. Do not edit: change manifest.xml or the build settings (scripts/addin-build.js).`;
  out = replaceOnce(out, /<!--[\s\S]*?-->/, `<!-- ${made.split('--').join('-')} -->`, 'leading comment');
  out = replaceOnce(out, /<Id>[^<]*<\/Id>/, `<Id>${target.id}</Id>`, '<Id>');
  out = replaceOnce(out, /<Version>[^<]*<\/Version>/, `<Version>${s.manifestVersion}</Version>`, '<Version>');
  out = replaceOnce(out, /<ProviderName>[^<]*<\/ProviderName>/, `<ProviderName>${xmlEscape(s.provider)}</ProviderName>`, '<ProviderName>');
  // The "(dev)" marks: display name (and its overrides) and the ribbon group's label.
  const unmark = (segment) => segment.split(xmlEscape(dev.suffix)).join(xmlEscape(target.suffix));
  out = replaceOnce(out, /<DisplayName\b[\s\S]*?<\/DisplayName>/, unmark, '<DisplayName>');
  out = replaceOnce(out, /<bt:String id="Group\.Label"[^>]*?(?:\/>|>[\s\S]*?<\/bt:String>)/, unmark, 'Group.Label string');
  out = replaceOnce(out, /<bt:String id="Functions\.Namespace" DefaultValue="([^"]*)"\/>/, (whole, ns) => {
    if (ns !== dev.namespace) throw new Error(`manifest.xml: the custom-functions namespace must be the development one, ${dev.namespace} (found ${ns})`);
    return `<bt:String id="Functions.Namespace" DefaultValue="${target.namespace}"/>`;
  }, 'Functions.Namespace string');
  // Formulas quoted in the texts (=SPBEDEV.INDEX( …) follow the namespace.
  out = out.split(`=${dev.namespace}.`).join(`=${target.namespace}.`);
  // Where it is served from: every URL, and the app domain (an origin, without a path).
  out = out.replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${new URL(s.url).origin}</AppDomain>`);
  out = out.split(DEV_URL).join(s.url);
  return out;
}

/** What the help page shows of the settings (html-webpack-plugin templateParameters; escaped in the template). */
function helpParameters(s) {
  return {
    provider: s.provider,
    version: s.version,
    support: s.support,
    addinUrl: s.url,
  };
}

// -------------------------------------------------------------------------------------------------
// Sample server configurations (deploy/). Both serve the built files with the MIME types Office and the
// browsers expect, the CORS header Excel on the web needs for functions.json, nosniff, and revalidation
// (no-cache) so a new version reaches users at once.
// -------------------------------------------------------------------------------------------------

/** Every file type the build emits, and how it must be served. */
const MIME_TYPES = [
  ['.html', 'text/html'],
  ['.js', 'text/javascript'],
  ['.mjs', 'text/javascript'],
  ['.json', 'application/json'],
  ['.map', 'application/json'],
  ['.xml', 'application/xml'],
  ['.css', 'text/css'],
  ['.txt', 'text/plain'],
  ['.png', 'image/png'],
  ['.svg', 'image/svg+xml'],
  ['.ico', 'image/x-icon'],
  ['.woff2', 'font/woff2'],
];
const TEXT_TYPES = new Set(['text/html', 'text/javascript', 'application/json', 'application/xml', 'text/css', 'text/plain', 'image/svg+xml']);

function urlParts(url) {
  const u = new URL(url);
  const base = u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
  return { host: u.hostname, port: u.port, base };
}

function nginxConf(url = SAMPLE_URL) {
  const { host, port, base } = urlParts(url);
  const listen = port || '443';
  // nginx lists each type once, with all its extensions.
  const merged = new Map();
  for (const [ext, type] of MIME_TYPES) merged.set(type, [...(merged.get(type) || []), ext.slice(1)]);
  const types = [...merged].map(([type, exts]) => `            ${type.padEnd(24)} ${exts.join(' ')};`);
  return `# nginx: serves the SPBE index add-in (the contents of dist/) at ${url}/
# Made by \`npm run build\` for ADDIN_URL=${url} (scripts/addin-build.js); deploy/nginx.conf in the
# repository is the same for the example address ${SAMPLE_URL}.
#
# Install: copy the contents of dist/ to /var/www/spbe-addin/, put this file in /etc/nginx/conf.d/
# (or copy the location blocks into the server block you already have for ${host}), set the
# certificate paths, then: nginx -t && systemctl reload nginx
#
# What Office needs from the server:
# - https with a certificate the users' computers trust (Office loads add-ins only over https);
# - CORS: Excel on the web fetches functions.json / functions-id.json (the custom functions' metadata)
#   from its own origin, so those responses must carry Access-Control-Allow-Origin. Every file here is
#   public, static and fetched without cookies, so "*" is safe and also covers the scripts and icons;
# - the right MIME types (JSON as application/json, scripts as text/javascript, the manifest as XML),
#   with nosniff so that no browser guesses;
# - revalidation (Cache-Control: no-cache, answered from the ETag): a new version reaches users at once.

server {
    listen 80;
    listen [::]:80;
    server_name ${host};
    return 301 https://$host$request_uri;
}

server {
    listen ${listen} ssl;
    listen [::]:${listen} ssl;
    server_name ${host};

    ssl_certificate     /etc/ssl/certs/${host}.pem;
    ssl_certificate_key /etc/ssl/private/${host}.key;
    ssl_protocols       TLSv1.2 TLSv1.3;

    # The sample configurations themselves are not served.
    location ^~ ${base}deploy/ {
        return 404;
    }

    location ^~ ${base} {
        alias /var/www/spbe-addin/;
        index taskpane.html;

        # Only the types of the files the build makes (this block replaces nginx's mime.types here).
        types {
${types.join('\n')}
        }
        default_type application/octet-stream;
        charset utf-8;
        charset_types ${[...TEXT_TYPES].join(' ')};

        add_header Access-Control-Allow-Origin "*" always;
        add_header Access-Control-Allow-Methods "GET, HEAD, OPTIONS" always;
        add_header Access-Control-Allow-Headers "Content-Type" always;
        add_header X-Content-Type-Options "nosniff" always;
        add_header Cache-Control "no-cache" always;

        # A CORS preflight gets the headers above and no body.
        if ($request_method = OPTIONS) {
            return 204;
        }
    }
}
`;
}

function webConfig(url = SAMPLE_URL) {
  const maps = MIME_TYPES.map(
    ([ext, type]) => `      <remove fileExtension="${ext}" />\n      <mimeMap fileExtension="${ext}" mimeType="${TEXT_TYPES.has(type) ? `${type}; charset=utf-8` : type}" />`,
  );
  const header = (name, value) => `        <remove name="${name}" />\n        <add name="${name}" value="${value}" />`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!--
  IIS: serves the SPBE index add-in (the contents of dist/) at ${url}/
  Made by \`npm run build\` for ADDIN_URL=${url} (scripts/addin-build.js); deploy/web.config in the
  repository is the same for the example address ${SAMPLE_URL}.

  Install: copy the contents of dist/ into the site's (or virtual application's) folder and this file
  next to taskpane.html. Bind the site to https only, with a certificate the users' computers trust
  (Office loads add-ins only over https).

  What Office needs from the server:
  - CORS: Excel on the web fetches functions.json / functions-id.json (the custom functions' metadata)
    from its own origin, so those responses must carry Access-Control-Allow-Origin. Every file here is
    public, static and fetched without cookies, so "*" is safe and also covers the scripts and icons;
  - the right MIME types: older IIS versions serve no .json at all (404.3) and others guess;
  - revalidation (Cache-Control: no-cache, answered from the ETag): a new version reaches users at once.
  Every entry is removed before it is added, so the file also works below a site that defines them.
-->
<configuration>
  <system.webServer>
    <staticContent>
${maps.join('\n')}
      <clientCache cacheControlMode="DisableCache" />
    </staticContent>
    <httpProtocol>
      <customHeaders>
${header('Access-Control-Allow-Origin', '*')}
${header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')}
${header('Access-Control-Allow-Headers', 'Content-Type')}
${header('X-Content-Type-Options', 'nosniff')}
      </customHeaders>
    </httpProtocol>
    <defaultDocument enabled="true">
      <files>
        <clear />
        <add value="taskpane.html" />
      </files>
    </defaultDocument>
    <security>
      <requestFiltering>
        <hiddenSegments>
          <!-- the sample configurations themselves are not served -->
          <remove segment="deploy" />
          <add segment="deploy" />
        </hiddenSegments>
      </requestFiltering>
    </security>
  </system.webServer>
</configuration>
`;
}

module.exports = {
  DEV_URL,
  DEFAULT_PROVIDER,
  SAMPLE_URL,
  IDENTITY,
  MIME_TYPES,
  settings,
  addinUrl,
  supportContact,
  manifestVersion,
  missingUrlWarning,
  transformManifest,
  helpParameters,
  nginxConf,
  webConfig,
};

// `npm run deploy-samples`: rewrites deploy/nginx.conf and deploy/web.config (the samples for SAMPLE_URL).
if (require.main === module) {
  const dir = path.join(ROOT, 'deploy');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConf(SAMPLE_URL));
  fs.writeFileSync(path.join(dir, 'web.config'), webConfig(SAMPLE_URL));
  console.log(`wrote deploy/nginx.conf and deploy/web.config for ${SAMPLE_URL}`);
}
