/**
 * Generated dialectic cases whose challenges are hard to route: many challengers of links in a
 * wide tree and in a deep one, challengers that sit below, above, left and right of what they
 * challenge (a deep counter-argument attacking a link near the top, a counter goal attacking a
 * link whose far end is deep down, challengers of links on the other side of the diagram), and
 * challenges of contexts, decorated shapes and other challenges.
 */

/** A wide tree: one strategy over `n` goals, each with evidence, a context on every third. */
export function wideCase(n: number): string {
  const goals: string[] = [];
  for (let i = 1; i <= n; i++) {
    const context = i % 3 === 0 ? `\n      context C${i} "Context of goal ${i}"` : '';
    const undeveloped = i % 5 === 0;
    goals.push(
      undeveloped
        ? `    undeveloped goal G${i} "Claim ${i} is left for later"`
        : `    goal G${i} "Claim number ${i} holds for the system" {${context}\n      solution Sn${i} "Evidence ${i}"\n    }`,
    );
  }
  const out = [`goal G0 "The system is acceptably safe" {\n  strategy S0 "Argue over each claim" {\n${goals.join('\n')}\n  }\n}`];
  for (let i = 1; i <= n; i += 2) {
    if (i % 5 !== 0) out.push(`counter solution CSn${i} "Doubt about evidence ${i}"\nCSn${i} challenges G${i} -> Sn${i}`);
    out.push(`counter goal CGs${i} "The strategy does not cover claim ${i}" {\n  challenges S0 -> G${i}\n  counter solution CSs${i} "Review note ${i}"\n}`);
  }
  // Across the diagram: the first counter solution also attacks the last claim's link, the last
  // one the first claim; a counter goal attacks a context and an undeveloped goal.
  const last = n % 5 === 0 ? n - 1 : n;
  out.push(`counter solution CSx "Cross-cutting doubt"\nCSx challenges G1 -> Sn1, G${last} -> Sn${last}, G0 -> S0, G2`);
  out.push(`counter goal CGc "The context is out of date" {\n  challenges C3, G5\n  counter solution CSc "Change log"\n}`);
  out.push(`counter goal CGm "The challenge of G2 is itself wrong" {\n  challenges CSx -> G2, CSx\n  counter solution CSm "Rebuttal"\n}`);
  return out.join('\n');
}

/**
 * A deep chain of goals with shared evidence at the bottom (a long link from the top), and a deep
 * counter-argument whose last counter solution attacks links near the top: it routes upwards.
 */
export function deepCase(depth: number): string {
  let chain = `solution SnEnd "Final evidence"\nSnShared`;
  for (let i = depth; i >= 1; i--) {
    const assumption = i % 4 === 0 ? `\n  assumption A${i} "Assumption at level ${i}"` : '';
    chain = `goal G${i} "Claim at level ${i} of the argument" {${assumption}\n  solution Sn${i} "Evidence at level ${i}"\n  ${indent(chain)}\n}`;
  }
  const out = [
    `goal G0 "Top claim of the deep case" {\n  ${indent(chain)}\n  SnShared\n}`,
    `solution SnShared "Shared evidence used at the top and the bottom"`,
  ];
  let counter = `counter solution CSdeep "Deep evidence against the top"`;
  for (let i = 4; i >= 1; i--) {
    const challenge = i === 1 ? '\n  challenges G0' : '';
    counter = `counter goal CGd${i} "Counter claim at depth ${i}" {${challenge}\n  ${indent(counter)}\n}`;
  }
  out.push(`${counter}\nCSdeep challenges G1 -> G2, G0 -> G1`);
  out.push(`counter goal CGlong "The shared evidence does not apply at the top" {\n  challenges G0 -> SnShared\n  counter solution CSlong "Scope note"\n}`);
  for (let i = 2; i <= depth; i += 3) {
    const next = i < depth ? `, G${i} -> G${i + 1}` : '';
    out.push(`counter solution CSl${i} "Doubt about level ${i}"\nCSl${i} challenges G${i} -> Sn${i}${next}`);
  }
  out.push(`counter goal CGa "The assumption is unfounded" {\n  challenges A4, G4 -> A4\n  counter solution CSa "Field data"\n}`);
  return out.join('\n');
}

/**
 * A small crowded case: four challengers of one link, challenges of contexts, of an assumption
 * and of the InContextOf links to them, of an undeveloped goal, of a challenge, and a supported
 * counter solution challenging four things at once.
 */
export const CROWDED_CASE = `goal G1 "Top claim with several contexts around it" {
  context C1 "First context"
  assumption A1 "An assumption about the world"
  context C2 "Second context"
  justification J1 "Why the strategy works"
  strategy S1 "Argue over the parts" {
    goal G2 "Part one is safe" {
      solution Sn1 "Test one"
      solution Sn2 "Test two"
      solution Sn3 "Test three"
    }
    undeveloped goal G3 "Part two is safe"
    goal G4 "Part three is safe" {
      context C4 "Context of part three"
      strategy S4 "Argue over modes" {
        goal G5 "Mode A" { solution Sn5 "Mode A test" }
        goal G6 "Mode B" { solution Sn6 "Mode B test" }
      }
    }
  }
}
counter solution CX1 "Doubt 1"
counter solution CX2 "Doubt 2"
counter solution CX3 "Doubt 3"
counter solution CX4 "Doubt 4"
CX1 challenges G2 -> Sn2
CX2 challenges G2 -> Sn2
CX3 challenges G2 -> Sn2, G5 -> Sn5
CX4 challenges G2 -> Sn2, G1 -> C1
counter goal CG5 "The assumption is wrong" {
  challenges A1, G1 -> A1, J1, C2
  counter solution CS5 "Data"
}
counter goal CG6 "Part two is not safe" {
  challenges G3, S1 -> G3, S1 -> G4
  counter goal CG7 "Deep doubt" {
    counter solution CS7 "Deeper data"
  }
}
CS7 challenges G1 -> S1, C4, G4 -> C4, S4 -> G6
counter goal CG8 "The challenge by CX1 is wrong" {
  challenges CX1, CG5 -> A1
  counter solution CS8 "Log of CX1"
}`;

function indent(text: string): string {
  return text.replace(/\n/g, '\n  ');
}
