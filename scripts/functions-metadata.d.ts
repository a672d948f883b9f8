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
export const README_START: string;
export const README_END: string;
export function buildFunctionsMetadata(source?: string): Promise<BuildResult>;
/** The README's function table, between the README_START and README_END markers. */
export function readmeTable(source?: string): string;
/** `readme` with its function table replaced by `table`. */
export function readmeWithTable(readme: string, table: string): string;
export class FunctionsMetadataPlugin {
  constructor(options?: { source?: string });
  apply(compiler: unknown): void;
}
