// The keyword rules that classify prose trainings: the built-in `schemas/catalog/keywords.json`
// plus the rules a repository adds in its configuration, compiled once per rule set.
import type { Level, TrainingType } from '../model';
import { readSchemaJson } from './schema-files';
import { compilePhrase } from './text';

/** Keyword rules as written in `keywords.json` and under `keywords` in the repository config. */
export interface KeywordRuleSet {
  competencies?: { competency: string; phrases: string[] }[];
  trainingTypes?: { type: TrainingType; phrases: string[] }[];
  levels?: { level: Level; phrases: string[] }[];
  assessments?: { method: string; phrases: string[] }[];
}

interface CompiledRule<T> {
  value: T;
  phrases: RegExp[];
}

export interface CompiledKeywordRules {
  competencies: CompiledRule<string>[];
  trainingTypes: CompiledRule<TrainingType>[];
  levels: CompiledRule<Level>[];
  assessments: CompiledRule<string>[];
}

export const KEYWORDS_FILE = 'catalog/keywords.json';

function compile<R extends { phrases: string[] }, T>(
  rules: R[] | undefined,
  valueOf: (rule: R) => T,
): CompiledRule<T>[] {
  return (rules ?? []).map((rule) => ({
    value: valueOf(rule),
    phrases: rule.phrases.map(compilePhrase),
  }));
}

function compileRuleSet(rules: KeywordRuleSet): CompiledKeywordRules {
  return {
    competencies: compile(rules.competencies, (rule) => rule.competency),
    trainingTypes: compile(rules.trainingTypes, (rule) => rule.type),
    levels: compile(rules.levels, (rule) => rule.level),
    assessments: compile(rules.assessments, (rule) => rule.method),
  };
}

const compiledByExtras = new WeakMap<KeywordRuleSet, CompiledKeywordRules>();
let builtIn: CompiledKeywordRules | undefined;

/** Returns the built-in rules with the repository's extra rules in front, so theirs win. */
export function keywordRules(extra?: KeywordRuleSet): CompiledKeywordRules {
  builtIn ??= compileRuleSet(readSchemaJson(KEYWORDS_FILE) as KeywordRuleSet);
  if (!extra) return builtIn;
  let compiled = compiledByExtras.get(extra);
  if (!compiled) {
    const own = compileRuleSet(extra);
    compiled = {
      competencies: [...own.competencies, ...builtIn.competencies],
      trainingTypes: [...own.trainingTypes, ...builtIn.trainingTypes],
      levels: [...own.levels, ...builtIn.levels],
      assessments: [...own.assessments, ...builtIn.assessments],
    };
    compiledByExtras.set(extra, compiled);
  }
  return compiled;
}

/** Returns the value of the first rule with a phrase in the text. */
export function firstMatch<T>(rules: CompiledRule<T>[], text: string): T | undefined {
  return rules.find((rule) => rule.phrases.some((phrase) => phrase.test(text)))?.value;
}

/** Returns the values of every rule with a phrase in the text, without repeats. */
export function allMatches<T>(rules: CompiledRule<T>[], text: string): T[] {
  const values: T[] = [];
  for (const rule of rules) {
    if (!values.includes(rule.value) && rule.phrases.some((phrase) => phrase.test(text))) {
      values.push(rule.value);
    }
  }
  return values;
}
