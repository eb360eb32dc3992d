import type { AnnotationArg } from '../syntax/ast.js';

/**
 * The annotations gsnc knows, as data: what arguments each takes. Later stages (the safety-case
 * framework, GSN extensions) extend this table rather than adding checks of their own shape.
 */
export type ArgType = AnnotationArg['type'];

export interface AnnotationSpec {
  /** Fewest and most arguments. */
  min: number;
  max: number;
  /** Argument types accepted in every position. */
  types: readonly ArgType[];
  /** What it takes, in words, for messages: "takes ..." */
  takes: string;
  /** How it is written, for messages. */
  example: string;
  /**
   * The position of the first argument that names an element (every argument from there on
   * does); absent when none does. Tools that rename elements (`gsnc instantiate`) rename these.
   */
  elements?: number;
}

function flag(name: string): AnnotationSpec {
  return { min: 0, max: 0, types: [], takes: 'no arguments', example: `@${name}` };
}

function buildingBlock(name: string, block: string): AnnotationSpec {
  return {
    min: 0,
    max: 1,
    types: ['identifier'],
    takes: 'at most one identifier, the building block',
    example: `@${name}(${block})`,
  };
}

function probability(name: string, value: string): AnnotationSpec {
  return { min: 1, max: 1, types: ['number'], takes: 'one number, a probability', example: `@${name}(${value})` };
}

export const ANNOTATIONS: ReadonlyMap<string, AnnotationSpec> = new Map<string, AnnotationSpec>([
  // Generic
  ['url', { min: 1, max: 1, types: ['string'], takes: 'exactly one string, the link target', example: '@url("https://example.org/report.pdf")' }],
  // GSN Community Standard confidence extension: an assurance claim point (grammar/extensions.md)
  ['acp', { min: 1, max: Number.POSITIVE_INFINITY, types: ['identifier'], takes: 'a name, then the IDs whose links it sits on (none: on the element itself)', example: '@acp(ACP1, Sn1)', elements: 1 }],
  ['class', { min: 1, max: Number.POSITIVE_INFINITY, types: ['identifier', 'string'], takes: 'one or more CSS class names (identifiers or strings)', example: '@class(highlight, "needs-review")' }],
  // A text layer (gsn2x's extra keys, README.md "gsn2x YAML"): kept in the model, one per layer.
  ['layer', { min: 2, max: 2, types: ['identifier', 'string'], takes: 'a layer name and its text', example: '@layer(owner, "Safety team")' }],
  // The AI safety-case framework (Clymer et al. 2024); deeper checks live in the framework stage.
  ['macrosystem', flag('macrosystem')],
  ['deployment', flag('deployment')],
  ['threshold', probability('threshold', '0.001')],
  ['outcome', flag('outcome')],
  ['deployment-assumption', flag('deployment-assumption')],
  ['subsystem', flag('subsystem')],
  ['subsystem-risk', { min: 1, max: 1, types: ['identifier'], takes: 'one identifier, the subsystem', example: '@subsystem-risk(SS1)', elements: 0 }],
  ['interaction-risk', flag('interaction-risk')],
  ['inability', buildingBlock('inability', 'dangerous-capability-evals')],
  ['control', buildingBlock('control', 'monitoring')],
  ['trustworthiness', buildingBlock('trustworthiness', 'not-alignment-faking')],
  ['deference', buildingBlock('deference', 'deferring-to-truthful-ai')],
  ['risk', probability('risk', '0.0001')],
  ['trusted', flag('trusted')],
  ['untrusted', flag('untrusted')],
]);

/** A CSS class name gsnc accepts from `@class`: a plain CSS identifier, nothing to escape. */
export const CSS_CLASS_NAME = /^-?[_a-zA-Z][_a-zA-Z0-9-]*$/;
