// Finds the files the check reads under a folder: `.yaml`, `.yml` and `.md`, skipping
// `node_modules`, `.git` and the configured exclusions. Symbolic links to folders are not
// followed, so a link loop cannot make the walk endless.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const COMPETENCY_FILE_EXTENSIONS = ['.yaml', '.yml', '.md'];
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface ScanOptions {
  /** Glob patterns relative to the scanned root; when given, only matching files are read. */
  include?: string[];
  /** Glob patterns relative to the scanned root, as in `.competency-lens.yaml` `exclude`. */
  exclude?: string[];
}

export interface ScanResult {
  files: string[];
  /** Folders that could not be listed, with the error message. */
  errors: { path: string; message: string }[];
}

export function isCompetencyFileName(fileName: string): boolean {
  return COMPETENCY_FILE_EXTENSIONS.includes(path.extname(fileName).toLowerCase());
}

/** Lists candidate files under `root`, sorted, as absolute paths. */
export function scanFolder(root: string, options: ScanOptions = {}): ScanResult {
  const include = (options.include ?? []).map(globToRegExp);
  const exclude = (options.exclude ?? []).map(globToRegExp);
  const result: ScanResult = { files: [], errors: [] };
  const pending = [path.resolve(root)];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      result.errors.push({ path: folder, message: (error as Error).message });
      continue;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (exclude.some((pattern) => pattern.test(relative))) continue;
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name)) pending.push(full);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isCompetencyFileName(entry.name)) {
        if (include.length === 0 || include.some((pattern) => pattern.test(relative))) {
          result.files.push(full);
        }
      }
    }
  }
  result.files.sort();
  return result;
}

/**
 * Converts a glob (`*`, `**`, `?`) to a regular expression over `/`-separated relative
 * paths. A pattern without `/` matches a name at any depth, as in `.gitignore`; a match on
 * a folder excludes everything below it.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  const anchored = glob.includes('/') ? `^${source.replace(/^\//, '')}` : `(^|/)${source}`;
  return new RegExp(`${anchored}(/.*)?$`);
}
