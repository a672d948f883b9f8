/** Types of scripts/functions-metadata.js (CommonJS, used by webpack.config.js and the tests). */
export interface FunctionParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: 'scalar' | 'matrix';
  optional?: boolean;
  repeating?: boolean;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  result: { type?: string; dimensionality?: 'scalar' | 'matrix' };
  parameters: FunctionParameterMetadata[];
  options?: Record<string, boolean>;
}
export interface FunctionsMetadata {
  allowErrorForDataTypeAny?: boolean;
  allowCustomDataForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}
export interface BuildResult {
  en: FunctionsMetadata | null;
  id: FunctionsMetadata | null;
  associate: Array<{ sourceFileName: string; functionName: string; id: string }>;
  errors: string[];
}
export const FUNCTIONS_SOURCE: string;
export function buildFunctionsMetadata(source?: string): Promise<BuildResult>;
export function loadCatalogue(lang: 'id' | 'en'): Record<string, string>;
export function localize(
  metadata: FunctionsMetadata,
  en: Record<string, string>,
  target: Record<string, string>,
): { metadata: FunctionsMetadata; errors: string[] };
export class FunctionsMetadataPlugin {
  constructor(options?: { source?: string });
  apply(compiler: unknown): void;
}
