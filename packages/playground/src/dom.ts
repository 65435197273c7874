/** A small element builder: user text only ever goes in as text nodes, never as HTML. */
type Child = Node | string | false | null | undefined;

export function h<Tag extends keyof HTMLElementTagNameMap>(tag: Tag, attributes: Record<string, string | number | boolean> = {}, ...children: Child[]): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== false && child !== null && child !== undefined) element.append(child);
  }
  return element;
}
