// Validates the plain data of a strict document against the JSON Schema of its kind.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { loadSchema, SCHEMA_FILES } from '../catalog';
import type { DocumentKind } from '../model';

let ajv: Ajv | undefined;
const validators = new Map<DocumentKind, ValidateFunction>();

/**
 * Returns ajv's errors for `data` as a document of `kind`, or an empty list. Each schema
 * is compiled once, on first use. The errors are verbose, so they carry the schema that
 * failed (allowed property names, `anyOf` branches, descriptions) for the messages.
 */
export function validateAgainstSchema(kind: DocumentKind, data: unknown): ErrorObject[] {
  const validate = validatorFor(kind);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

function validatorFor(kind: DocumentKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    // `strict: false` lets the schemas use annotation keywords ajv does not know.
    ajv ??= addFormats(new Ajv({ allErrors: true, strict: false, verbose: true }), ['date']);
    validate = ajv.compile(loadSchema(SCHEMA_FILES[kind]));
    validators.set(kind, validate);
  }
  return validate;
}
