/** Types of scripts/addin-build.js (the add-in build's settings, manifest transform and deploy samples). */
export interface SupportContact {
  readonly kind: 'email' | 'url';
  readonly value: string;
  readonly href: string;
}

export interface BuildSettings {
  readonly url: string;
  readonly urlSet: boolean;
  readonly provider: string;
  readonly providerSet: boolean;
  readonly support: SupportContact | null;
  readonly version: string;
  readonly manifestVersion: string;
  readonly release: boolean;
}

export interface Identity {
  readonly id: string;
  readonly suffix: string;
  readonly namespace: string;
}

export const DEV_URL: string;
export const DEFAULT_PROVIDER: string;
export const SAMPLE_URL: string;
export const IDENTITY: { readonly development: Identity; readonly production: Identity };
export const MIME_TYPES: ReadonlyArray<readonly [ext: string, type: string]>;
export function settings(env?: Record<string, string | undefined>, options?: { release?: boolean; version?: string }): BuildSettings;
export function addinUrl(raw: string | undefined): string;
export function supportContact(raw: string | undefined): SupportContact | null;
export function manifestVersion(version: string): string;
export function missingUrlWarning(): string;
export function transformManifest(xml: string, settings: BuildSettings, mode: 'production' | 'development'): string;
export function helpParameters(settings: BuildSettings): { provider: string; version: string; support: SupportContact | null; addinUrl: string };
export function nginxConf(url?: string): string;
export function webConfig(url?: string): string;
