// Sends `textDocument/publishDiagnostics`, skipping files whose diagnostics did not change
// since they were last sent, because one edit can change gap diagnostics in many files.
import type { Connection, Diagnostic } from 'vscode-languageserver/node';

export class DiagnosticsPublisher {
  /** Last diagnostics sent per URI, serialised for comparison. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly relatedInformation: boolean,
  ) {}

  /** Sends the diagnostics when they differ from the last ones sent, or always with `force`. */
  publish(uri: string, diagnostics: Diagnostic[], force = false): boolean {
    const sent = this.relatedInformation ? diagnostics : diagnostics.map(withoutRelated);
    const serialised = JSON.stringify(sent);
    const previous = this.published.get(uri) ?? '[]';
    if (!force && previous === serialised) return false;
    if (sent.length === 0) this.published.delete(uri);
    else this.published.set(uri, serialised);
    void this.connection.sendDiagnostics({ uri, diagnostics: sent });
    return true;
  }

  clear(uri: string): void {
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** URIs that currently show at least one diagnostic in the client. */
  publishedUris(): string[] {
    return [...this.published.keys()];
  }
}

function withoutRelated(diagnostic: Diagnostic): Diagnostic {
  if (!diagnostic.relatedInformation) return diagnostic;
  const copy = { ...diagnostic };
  delete copy.relatedInformation;
  return copy;
}
