// The index of every competency document in the workspace. A change re-reads only the
// changed file; the merged model and the coverage are recomputed on demand and cached
// until the next change.
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CoverageResult, Gap, Severity } from '../shared/coverage';
import { analyseCoverage, type CoverageOptions } from './coverage/analyse';
import { createDiagnostic } from './diagnostics';
import { emptyEntities, type WorkspaceModel } from './model';
import { mergeEntities, parseFile, type ParseContext, type ParsedFile } from './parse-file';
import { createSourceFile } from './source-file';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A coverage result with its gaps indexed by file, for one generation and set of options. */
interface CoverageCache {
  key: string;
  result: CoverageResult;
  gapsByFile: Map<string, Gap[]>;
}

export class Workspace {
  private readonly files = new Map<string, ParsedFile>();
  private cachedModel: WorkspaceModel | undefined;
  private cachedCoverage:
    { key: string; result: CoverageResult; gapsByFile: Map<string, Gap[]> } | undefined;
  /** Increases on every change, so callers can tell stale results from current ones. */
  generation = 0;

  constructor(readonly context: ParseContext) {}

  setFile(uri: string, text: string, version = 0): ParsedFile {
    const parsed = parseFile(createSourceFile(uri, text, version), this.context);
    this.files.set(uri, parsed);
    this.invalidate();
    return parsed;
  }

  /** Records a file that could not be read, so its diagnostic is reported like any other. */
  setUnreadableFile(uri: string, diagnostic: Diagnostic): ParsedFile {
    const parsed: ParsedFile = {
      file: createSourceFile(uri, ''),
      blocks: [],
      strictDocuments: [],
      diagnostics: [diagnostic],
      entities: emptyEntities(),
    };
    this.files.set(uri, parsed);
    this.invalidate();
    return parsed;
  }

  removeFile(uri: string): boolean {
    const removed = this.files.delete(uri);
    if (removed) this.invalidate();
    return removed;
  }

  getFile(uri: string): ParsedFile | undefined {
    return this.files.get(uri);
  }

  get uris(): string[] {
    return [...this.files.keys()].sort();
  }

  get model(): WorkspaceModel {
    if (!this.cachedModel) {
      const uris = this.uris;
      const parts = uris.map((uri) => this.files.get(uri)!.entities);
      this.cachedModel = { ...mergeEntities(parts), files: uris };
    }
    return this.cachedModel;
  }

  coverage(options: CoverageOptions): CoverageResult {
    return this.cachedCoverageFor(options).result;
  }

  private cachedCoverageFor(options: CoverageOptions): CoverageCache {
    const key = `${this.generation}|${options.today}|${options.expiryWarningDays}`;
    if (this.cachedCoverage?.key !== key) {
      const result = analyseCoverage(this.model, this.context.catalog, options);
      const gapsByFile = new Map<string, Gap[]>();
      for (const gap of result.gaps) {
        const list = gapsByFile.get(gap.file);
        if (list) list.push(gap);
        else gapsByFile.set(gap.file, [gap]);
      }
      this.cachedCoverage = { key, result, gapsByFile };
    }
    return this.cachedCoverage;
  }

  /** Diagnostics of one file: its own problems and the coverage gaps fixed in it. */
  diagnostics(uri: string, options: CoverageOptions): Diagnostic[] {
    const parsed = this.files.get(uri);
    if (!parsed) return [];
    const gaps = this.cachedCoverageFor(options).gapsByFile.get(uri) ?? [];
    return [...parsed.diagnostics, ...gaps.map(gapToDiagnostic)];
  }

  private invalidate(): void {
    this.generation++;
    this.cachedModel = undefined;
    this.cachedCoverage = undefined;
  }
}

export function gapToDiagnostic(gap: Gap): Diagnostic {
  const message = gap.fix ? `${gap.message} ${gap.fix}` : gap.message;
  const data = gap.suggestions ? { suggestions: gap.suggestions } : undefined;
  return createDiagnostic(gap.range, SEVERITIES[gap.severity], gap.code, message, data);
}
