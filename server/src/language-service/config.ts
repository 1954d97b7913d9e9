// STUB: replaced by the repository configuration reader (`.competency-lens.yaml`).
export interface RepositoryConfig {
  /** Glob patterns of files the check reads; empty means every `.yaml`, `.yml` and `.md`. */
  include: string[];
  exclude: string[];
}

export const CONFIG_FILE_NAME = '.competency-lens.yaml';

export function defaultConfig(): RepositoryConfig {
  return { include: [], exclude: [] };
}
