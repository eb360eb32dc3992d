/**
 * Modular extension: contract modules (GSN Community Standard v3). A contract module controls
 * how a goal of one module is supported by goals of other modules, so that neither has to name
 * the other: module Hazards writes `contract SoftwareContract` in the block of its goal G4; the
 * file `contract module SoftwareContract` imports Software and develops G4 (an away goal of
 * Hazards, which imports the contract) down to G6 (an away goal of Software): `G4 -> S9`, S9
 * supported by G6. link.ts resolves the references; this file checks what `contract Name` names:
 *
 * - GSN531: a contract module of the project (not an element, not a plain module, not itself);
 * - GSN524: one the module imports (as for any module it references);
 * - GSN533: written in the block of a goal (a contract supports a goal);
 * - GSN534: a contract that develops that goal: it links from it, as an away goal.
 *
 * (GSN532, a bare ID naming a contract module, is reported where link.ts resolves bare IDs.)
 */
import type { StageDiagnostic } from '../diagnostics/types.js';
import type { ElementNode, Reference } from '../syntax/ast.js';
import type { Definition, LinkedModule } from './link.js';

/** `contract Name` in module `module`, in the block of `owner` (absent at the top level). */
export interface ContractReference {
  module: number;
  ref: Reference;
  owner?: ElementNode;
}

export interface ContractContext {
  modules: readonly LinkedModule[];
  names: ReadonlyMap<string, number>;
  /** Per module, the elements it defines. */
  locals: readonly ReadonlyMap<string, ElementNode>[];
  /** Every element of the project, with the module defining it. */
  global: ReadonlyMap<string, Definition>;
  /** Per contract module, the away goals it develops. */
  developed: readonly ReadonlySet<string>[];
  references: readonly ContractReference[];
  diagnostics: StageDiagnostic[];
}

export function checkContractReferences(context: ContractContext): void {
  for (const reference of context.references) {
    const problem = contractProblem(context, reference);
    if (problem === null) continue;
    const { module, ref } = reference;
    context.diagnostics.push({ code: problem.code, message: problem.message, span: { start: ref.contractSpan?.start ?? ref.span.start, end: ref.span.end }, file: context.modules[module]!.file });
  }
}

function contractProblem({ modules, names, locals, global, developed }: ContractContext, { module, ref, owner }: ContractReference): { code: string; message: string } | null {
  const m = modules[module]!;
  const id = ref.id;
  const notContract = (why: string) => ({ code: 'GSN531', message: `contract ${id} must name a contract module of the project, and ${why}` });
  const local = locals[module]!.get(id);
  if (local) return notContract(`${id} is a ${local.kind} of this module`);
  const definition = global.get(id);
  if (definition) return notContract(`${id} is a ${definition.node.kind} of module ${modules[definition.module]!.name}`);
  const index = names.get(id);
  if (index === undefined) return notContract(`no module of the project is named ${id}`);
  const target = modules[index]!;
  if (index === module) return notContract(`${id} is this module itself`);
  if (!target.contract) return notContract(`module ${id} is not one: declare it with contract module ${id} in its file, or reference it as a module with a bare ${id}`);
  if (!m.imports.includes(target.name)) return { code: 'GSN524', message: `contract ${id} names contract module ${id}, which ${m.name} does not import; add import ${id}` };
  if (owner?.kind !== 'goal') {
    const where = owner ? `the block of ${owner.kind} ${owner.id}` : 'this block';
    return { code: 'GSN533', message: `a contract module supports a goal: write contract ${id} in the block of the goal it supports, not in ${where}` };
  }
  if (!developed[index]!.has(owner.id)) {
    return { code: 'GSN534', message: `contract module ${id} does not develop ${owner.id}: in ${target.file}, link ${owner.id} (an away goal of ${m.name}) to the argument that supports it, as in ${owner.id} -> S1` };
  }
  return null;
}
