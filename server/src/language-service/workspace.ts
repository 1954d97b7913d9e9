// The index of every competency document in the workspace. A change re-reads only the
// changed file. The merged model, the duplicate ids across files and the coverage are
// computed on demand and cached until the next change.
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CoverageResult, Gap, Severity } from '../shared/coverage';
import { analyseCoverage, type CoverageOptions } from './coverage/analyse';
import { createDiagnostic } from './diagnostics';
import { findDuplicateIds } from './duplicates';
import { emptyEntities, type WorkspaceModel } from './model';
import { findFutureDates } from './future-dates';
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
  /** Record dates after the analysis date, as warnings by file. */
  datedByFile: Map<string, Diagnostic[]>;
}

export class Workspace {
  private readonly files = new Map<string, ParsedFile>();
  private cachedModel: WorkspaceModel | undefined;
  private cachedCoverage: CoverageCache | undefined;
  /** Diagnostics of ids defined in more than one file, by URI. */
  private cachedDuplicates: Map<string, Diagnostic[]> | undefined;
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
      const datedByFile = new Map<string, Diagnostic[]>();
      for (const { uri, diagnostic } of findFutureDates(this.model, options.today)) {
        const list = datedByFile.get(uri);
        if (list) list.push(diagnostic);
        else datedByFile.set(uri, [diagnostic]);
      }
      this.cachedCoverage = { key, result, gapsByFile, datedByFile };
    }
    return this.cachedCoverage;
  }

  /** Diagnostics of one file: its own problems, its duplicate ids and the gaps fixed in it. */
  diagnostics(uri: string, options: CoverageOptions): Diagnostic[] {
    if (!this.files.has(uri)) return [];
    const gaps = this.cachedCoverageFor(options).gapsByFile.get(uri) ?? [];
    return [...this.fileDiagnostics(uri, options), ...gaps.map(gapToDiagnostic)];
  }

  /**
   * Diagnostics of one file without the coverage gaps: its own problems and the ids it
   * defines that other files define too. With `options`, also the record dates that lie
   * after the analysis date.
   */
  fileDiagnostics(uri: string, options?: CoverageOptions): Diagnostic[] {
    const parsed = this.files.get(uri);
    if (!parsed) return [];
    const duplicates = this.duplicatesByFile().get(uri) ?? [];
    const dated = options ? (this.cachedCoverageFor(options).datedByFile.get(uri) ?? []) : [];
    return [...parsed.diagnostics, ...duplicates, ...dated];
  }

  private duplicatesByFile(): Map<string, Diagnostic[]> {
    if (!this.cachedDuplicates) {
      const byFile = new Map<string, Diagnostic[]>();
      for (const { uri, diagnostic } of findDuplicateIds(this.model)) {
        const list = byFile.get(uri);
        if (list) list.push(diagnostic);
        else byFile.set(uri, [diagnostic]);
      }
      this.cachedDuplicates = byFile;
    }
    return this.cachedDuplicates;
  }

  private invalidate(): void {
    this.generation++;
    this.cachedModel = undefined;
    this.cachedCoverage = undefined;
    this.cachedDuplicates = undefined;
  }
}

export function gapToDiagnostic(gap: Gap): Diagnostic {
  const message = gap.fix ? `${gap.message} ${gap.fix}` : gap.message;
  const data = gap.suggestions ? { suggestions: gap.suggestions } : undefined;
  return createDiagnostic(gap.range, SEVERITIES[gap.severity], gap.code, message, data);
}
