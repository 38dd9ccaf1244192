const nameParameters = new Set(['1', 'nome', 'name', 'first_name', 'primeiro_nome', 'cliente']);

/**
 * Starting values for a template's body parameters: a NAMED parameter takes the contact's
 * variable of that name; the contact's first name goes where templates usually greet (`{{1}}`,
 * `{{nome}}`...). The agent edits any of them before sending.
 */
export function prefillParameters(
  parameters: readonly string[],
  variables: Readonly<Record<string, unknown>>,
  contactName: string,
): string[] {
  const firstName = contactName.trim().split(/\s+/)[0] ?? '';
  return parameters.map((p) => {
    const value = variables[p];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return nameParameters.has(p.toLowerCase()) ? firstName : '';
  });
}

/** The body as the contact will read it, with the values typed so far. */
export function fillBody(body: string, parameters: readonly string[], values: readonly string[]): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = values[parameters.indexOf(name)];
    return value ? value : whole;
  });
}
