// Document symbols for clients without hierarchical symbol support, which accept only a
// flat `SymbolInformation` list with each child's container named.
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver/node';

export function flattenSymbols(
  uri: string,
  symbols: DocumentSymbol[],
  containerName?: string,
): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  for (const symbol of symbols) {
    flat.push({
      name: symbol.name,
      kind: symbol.kind,
      location: { uri, range: symbol.range },
      ...(containerName ? { containerName } : {}),
    });
    flat.push(...flattenSymbols(uri, symbol.children ?? [], symbol.name));
  }
  return flat;
}
