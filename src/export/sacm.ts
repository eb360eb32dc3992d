/**
 * OMG SACM 2.x (Structured Assurance Case Metamodel) XMI export: the interchange format GSN tools
 * read. The mapping follows the GSN annex of SACM 2.x and is documented in docs/sacm-mapping.md:
 *
 *   goal            Claim (assertionDeclaration asserted, or needsSupport when undeveloped)
 *   strategy        ArgumentReasoning
 *   solution        ArtifactReference -> Artifact in the ArtifactPackage (+ Resource for @url)
 *   context         ArtifactReference -> Artifact in the ArtifactPackage (+ Resource for @url)
 *   assumption      Claim, assertionDeclaration assumed
 *   justification   Claim, assertionDeclaration axiomatic
 *   SupportedBy     AssertedInference (to a goal or strategy), AssertedEvidence (to a solution)
 *   InContextOf     AssertedContext
 *   uninstantiated  isAbstract="true"
 *
 * Every xmi:id is derived from element IDs (`G1`, `artifact-Sn1`, `inference-G1-S1`): GSN IDs
 * never contain `-`, so derived ids cannot collide with element IDs or with each other. The
 * output is a pure function of the model: same input, same bytes.
 */
import type { CompileResult } from '../index.js';
import type { ModelEdge, ModelElement } from '../semantics/model.js';

export const SACM_NAMESPACE = 'http://www.omg.org/spec/SACM/2.2';
export const XMI_NAMESPACE = 'http://www.omg.org/spec/XMI/20131001';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

export function sacmXml(result: Pick<CompileResult, 'model' | 'layout'>, source = 'case'): string {
  const model = result.model;
  if (!model) return '';
  const plain = new Map<string, string>();
  for (const e of model.elements) plain.set(e.id, e.text);
  for (const n of result.layout?.nodes ?? []) plain.set(n.id, n.title);
  const kinds = new Map(model.elements.map((e) => [e.id, e.kind]));
  const caseName = model.module?.name ?? source;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<sacm:AssuranceCasePackage xmlns:sacm="${SACM_NAMESPACE}" xmlns:xmi="${XMI_NAMESPACE}" xmlns:xsi="${XSI_NAMESPACE}" xmi:version="2.0" xmi:id="package-case">`,
  );
  out.push(`  ${name(caseName)}`);
  if (model.module?.description) out.push(...description('package-case', model.module.description, '  '));

  out.push('  <argumentPackage xmi:id="package-arguments">');
  out.push(`    ${name(caseName)}`);
  for (const element of model.elements) out.push(...argumentElement(element, plain.get(element.id) ?? ''));
  const used = new Set<string>();
  for (const edge of model.edges) out.push(...relationship(edge, kinds, used));
  out.push('  </argumentPackage>');

  const artifacts = model.elements.filter((e) => isArtifact(e));
  if (artifacts.length > 0) {
    out.push('  <artifactPackage xmi:id="package-artifacts">');
    out.push(`    ${name(caseName)}`);
    for (const element of artifacts) out.push(...artifact(element, plain.get(element.id) ?? ''));
    out.push('  </artifactPackage>');
  }
  out.push('</sacm:AssuranceCasePackage>');
  return `${out.join('\n')}\n`;
}

function isArtifact(element: ModelElement): boolean {
  return element.kind === 'solution' || element.kind === 'context';
}

function argumentElement(element: ModelElement, text: string): string[] {
  const id = element.id;
  const abstract = element.uninstantiated ? ' isAbstract="true"' : '';
  const body = [`      ${name(id)}`, ...description(id, text, '      ')];
  switch (element.kind) {
    case 'goal':
    case 'assumption':
    case 'justification': {
      const declaration = declarationOf(element);
      return [`    <argumentElement xsi:type="sacm:Claim" xmi:id="${attr(id)}"${abstract} assertionDeclaration="${declaration}">`, ...body, '    </argumentElement>'];
    }
    case 'strategy': {
      // ArgumentReasoning is not an Assertion, so it has no assertionDeclaration: an undeveloped
      // strategy is recorded as a tagged value.
      const tagged = element.undeveloped ? [`      <taggedValue xmi:id="${attr(`undeveloped-${id}`)}" key="gsn.undeveloped" value="true"/>`] : [];
      return [`    <argumentElement xsi:type="sacm:ArgumentReasoning" xmi:id="${attr(id)}"${abstract}>`, ...body, ...tagged, '    </argumentElement>'];
    }
    case 'solution':
    case 'context':
      return [
        `    <argumentElement xsi:type="sacm:ArtifactReference" xmi:id="${attr(id)}"${abstract} referencedArtifactElement="${attr(`artifact-${id}`)}">`,
        ...body,
        '    </argumentElement>',
      ];
    default:
      return [];
  }
}

function declarationOf(element: ModelElement): string {
  if (element.kind === 'assumption') return 'assumed';
  if (element.kind === 'justification') return 'axiomatic';
  return element.undeveloped ? 'needsSupport' : 'asserted';
}

/** One SACM relationship per GSN link; source is the supporting or contextual element. */
function relationship(edge: ModelEdge, kinds: Map<string, string>, used: Set<string>): string[] {
  const child = kinds.get(edge.to);
  let type: string;
  let prefix: string;
  if (edge.relation === 'inContextOf') {
    type = 'AssertedContext';
    prefix = 'context';
  } else if (child === 'solution') {
    type = 'AssertedEvidence';
    prefix = 'evidence';
  } else {
    type = 'AssertedInference';
    prefix = 'inference';
  }
  let id = `${prefix}-${edge.from}-${edge.to}`;
  for (let n = 2; used.has(id); n++) id = `${prefix}-${edge.from}-${edge.to}-${n}`;
  used.add(id);
  return [`    <argumentElement xsi:type="sacm:${type}" xmi:id="${attr(id)}" source="${attr(edge.to)}" target="${attr(edge.from)}"/>`];
}

function artifact(element: ModelElement, text: string): string[] {
  const id = `artifact-${element.id}`;
  const lines = [`    <artifactElement xsi:type="sacm:Artifact" xmi:id="${attr(id)}">`, `      ${name(element.id)}`, ...description(id, text, '      '), '    </artifactElement>'];
  if (element.url !== null) {
    const resource = `resource-${element.id}`;
    lines.push(`    <artifactElement xsi:type="sacm:Resource" xmi:id="${attr(resource)}" location="${attr(element.url)}">`, `      ${name(element.id)}`, '    </artifactElement>');
  }
  return lines;
}

function name(text: string): string {
  return `<name content="${attr(text)}"/>`;
}

function description(owner: string, text: string, indent: string): string[] {
  return [
    `${indent}<description xmi:id="${attr(`description-${owner}`)}">`,
    `${indent}  <content>`,
    `${indent}    <value lang="en" content="${attr(text)}"/>`,
    `${indent}  </content>`,
    `${indent}</description>`,
  ];
}

/**
 * An attribute value: markup characters as entities, and line breaks and tabs as character
 * references so that attribute-value normalisation keeps them. XML-illegal characters were
 * already replaced by U+FFFD in the model; any left (lone surrogates) are replaced here too.
 */
export function attr(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
