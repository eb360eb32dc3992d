import type { Severity } from './types.js';

/**
 * The one table of diagnostic codes. A code never changes meaning; retired codes stay listed.
 * grammar/diagnostics.md is kept in step with this table by a test.
 */
export interface CodeInfo {
  severity: Severity;
  title: string;
}

export const CODES = new Map<string, CodeInfo>([
  // 1xx: reading the text
  ['GSN101', { severity: 'error', title: 'Unexpected character' }],
  ['GSN102', { severity: 'error', title: 'Unterminated string' }],
  ['GSN103', { severity: 'error', title: 'Unterminated block comment' }],
  ['GSN104', { severity: 'error', title: 'Unknown escape in a string' }],
  ['GSN110', { severity: 'error', title: 'Syntax error' }],
  // 2xx: structure errors (no output is written)
  ['GSN201', { severity: 'error', title: 'Duplicate element ID' }],
  ['GSN202', { severity: 'error', title: 'Reference to an undefined element' }],
  ['GSN203', { severity: 'error', title: 'SupportedBy cycle' }],
  ['GSN204', { severity: 'error', title: 'Solution with children or links' }],
  ['GSN205', { severity: 'error', title: 'Context, assumption or justification with children or links' }],
  ['GSN207', { severity: 'error', title: 'Undeveloped element is supported' }],
  ['GSN208', { severity: 'error', title: 'URL scheme not allowed' }],
  ['GSN209', { severity: 'error', title: 'Modifier not allowed on this kind' }],
  ['GSN210', { severity: 'error', title: 'Bad annotation arguments' }],
  ['GSN211', { severity: 'error', title: 'Invalid CSS class name' }],
  ['GSN212', { severity: 'error', title: 'Repeated modifier or module header' }],
  // 3xx: warnings (output is written; --strict makes them errors)
  ['GSN301', { severity: 'warning', title: 'Goal or strategy neither supported nor undeveloped' }],
  ['GSN302', { severity: 'warning', title: 'Link not listed by the GSN Community Standard' }],
  ['GSN303', { severity: 'warning', title: 'Element unreachable from a top goal' }],
  ['GSN304', { severity: 'warning', title: 'More than one top goal' }],
  ['GSN305', { severity: 'warning', title: 'Unknown annotation' }],
  ['GSN306', { severity: 'warning', title: 'Control, bidi or XML-illegal character in text' }],
  ['GSN307', { severity: 'warning', title: 'Link stated twice' }],
  ['GSN308', { severity: 'warning', title: 'Annotation repeated' }],
  // 4xx: the AI safety-case framework (Clymer et al. 2024); only for documents that use it
  ['GSN401', { severity: 'error', title: 'Framework annotation on the wrong kind of element' }],
  ['GSN402', { severity: 'error', title: 'Unknown building block' }],
  ['GSN403', { severity: 'error', title: 'Building block under the wrong category' }],
  ['GSN404', { severity: 'error', title: 'Subsystem-risk claim names an undeclared subsystem' }],
  ['GSN405', { severity: 'error', title: 'Probability outside [0, 1]' }],
  ['GSN406', { severity: 'error', title: 'Component both trusted and untrusted' }],
  ['GSN411', { severity: 'warning', title: 'Top goal lacks a step-1 context' }],
  ['GSN412', { severity: 'warning', title: 'No unacceptable outcome' }],
  ['GSN413', { severity: 'warning', title: 'Outcome not developed to evidence' }],
  ['GSN414', { severity: 'warning', title: 'Deployment assumption not supported' }],
  ['GSN415', { severity: 'warning', title: 'No subsystem declared' }],
  ['GSN416', { severity: 'warning', title: 'Missing subsystem-risk claim' }],
  ['GSN417', { severity: 'warning', title: 'Missing interaction-risk claim' }],
  ['GSN418', { severity: 'warning', title: 'Risk claim outside any outcome' }],
  ['GSN419', { severity: 'warning', title: 'Trusted component without a trustworthiness argument' }],
  ['GSN420', { severity: 'warning', title: 'Risk roll-up above the threshold' }],
  // 5xx: GSN Community Standard v3 extensions (dialectic, confidence, patterns, modules)
  ['GSN501', { severity: 'error', title: 'Challenge from an element that is not a counter element' }],
  ['GSN502', { severity: 'error', title: 'Defeated without a challenger' }],
  ['GSN503', { severity: 'error', title: 'Challenged link does not exist' }],
  ['GSN504', { severity: 'error', title: 'Counter element supports the argument' }],
  ['GSN505', { severity: 'error', title: 'Assurance claim point on a link that does not exist' }],
  ['GSN506', { severity: 'error', title: 'Assurance claim point named twice' }],
  ['GSN507', { severity: 'error', title: 'Multiplicity without a link' }],
  ['GSN508', { severity: 'error', title: 'Link both many and optional' }],
  ['GSN509', { severity: 'error', title: 'Label on a modifier that takes none' }],
  ['GSN510', { severity: 'warning', title: 'Placeholder in an element that is not uninstantiated' }],
  ['GSN511', { severity: 'warning', title: 'Choice with fewer than two alternatives' }],
  // Modular extension (compileProject; grammar/extensions.md)
  ['GSN521', { severity: 'error', title: 'Imported module not found' }],
  ['GSN522', { severity: 'error', title: 'Import cycle' }],
  ['GSN523', { severity: 'error', title: 'Reference to an element that is not public' }],
  ['GSN524', { severity: 'error', title: 'Reference to a module not imported' }],
  ['GSN525', { severity: 'error', title: 'Away element developed outside its module' }],
  ['GSN526', { severity: 'error', title: 'Module defined twice' }],
  // Pattern instantiation (gsnc instantiate; grammar/extensions.md "Instantiating a pattern")
  ['GSN527', { severity: 'error', title: 'No data for a placeholder or list' }],
  ['GSN528', { severity: 'error', title: 'Pattern data of the wrong shape' }],
  ['GSN529', { severity: 'error', title: 'Pattern cannot be instantiated as written' }],
  ['GSN530', { severity: 'info', title: 'Pattern part left out' }],
  // Pattern extension: choice groups (grammar/extensions.md "Patterns") and instantiating references
  ['GSN540', { severity: 'error', title: 'Choice group in a choice element' }],
  ['GSN541', { severity: 'error', title: 'Alternative that is not a SupportedBy link' }],
  ['GSN542', { severity: 'warning', title: 'Reference into a repeated subtree' }],
  // Modular extension, continued: import paths and contract modules
  ['GSN531', { severity: 'error', title: 'Contract reference to something that is not a contract module' }],
  ['GSN532', { severity: 'error', title: 'Contract module referenced as a module' }],
  ['GSN533', { severity: 'error', title: 'Contract reference outside a goal' }],
  ['GSN534', { severity: 'error', title: 'Contract does not develop the goal' }],
  ['GSN535', { severity: 'error', title: 'Import path outside the project' }],
  // 6xx: importing other tools' formats (gsn2x YAML; see grammar/diagnostics.md)
  ['GSN601', { severity: 'error', title: 'YAML syntax error' }],
  ['GSN602', { severity: 'error', title: 'gsn2x element of unknown type' }],
  ['GSN603', { severity: 'error', title: 'Invalid gsn2x value' }],
  ['GSN604', { severity: 'error', title: 'gsn2x module not found' }],
  ['GSN605', { severity: 'error', title: 'gsn2x ID not usable in gsnc' }],
  ['GSN610', { severity: 'info', title: 'gsn2x layout hint not applied' }],
  ['GSN611', { severity: 'info', title: 'gsn2x key not carried over' }],
  // 9xx: limits and internal errors
  ['GSN901', { severity: 'error', title: 'Input too large' }],
  ['GSN902', { severity: 'error', title: 'Nesting too deep' }],
  ['GSN903', { severity: 'error', title: 'Too many elements' }],
  ['GSN904', { severity: 'error', title: 'Layout time limit exceeded' }],
  ['GSN999', { severity: 'error', title: 'Internal error' }],
]);

export function severityOf(code: string): Severity {
  return CODES.get(code)?.severity ?? 'error';
}
