import type { Expr } from './ast';

/**
 * Every property path a filter reads, once each, in first-seen order. Lambda variables are
 * replaced by the collection they range over, so `toRecipients/any(r: r/emailAddress/address eq 'x')`
 * yields `['toRecipients']` and `['toRecipients','emailAddress','address']`. SharePoint uses this to
 * check that filtered columns are indexed.
 */
export function propertyPaths(expr: Expr): string[][] {
  const paths: string[][] = [];
  const seen = new Set<string>();
  const add = (path: string[]): void => {
    // '/' cannot occur inside a segment, so it is a safe separator for the key.
    const key = path.join('/');
    if (seen.has(key)) return;
    seen.add(key);
    paths.push(path);
  };

  type Pending = { expr: Expr; bindings: ReadonlyMap<string, string[]> };
  const pending: Pending[] = [{ expr, bindings: new Map() }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { expr: current, bindings } = next;
    const resolvePath = (path: string[]): string[] => {
      const bound = path.length > 0 ? bindings.get(path[0] ?? '') : undefined;
      return bound === undefined ? [...path] : [...bound, ...path.slice(1)];
    };
    // Children are pushed right-to-left so they are visited left-to-right.
    switch (current.kind) {
      case 'literal':
        break;
      case 'property':
        add(resolvePath(current.path));
        break;
      case 'not':
        pending.push({ expr: current.operand, bindings });
        break;
      case 'binary':
        pending.push({ expr: current.right, bindings }, { expr: current.left, bindings });
        break;
      case 'in':
        for (let index = current.values.length - 1; index >= 0; index -= 1) {
          const value = current.values[index];
          if (value !== undefined) pending.push({ expr: value, bindings });
        }
        pending.push({ expr: current.left, bindings });
        break;
      case 'call':
        for (let index = current.args.length - 1; index >= 0; index -= 1) {
          const arg = current.args[index];
          if (arg !== undefined) pending.push({ expr: arg, bindings });
        }
        break;
      case 'lambda': {
        const collection = resolvePath(current.collection);
        add(collection);
        if (current.predicate !== null) {
          const inner = new Map(bindings);
          inner.set(current.variable, collection);
          pending.push({ expr: current.predicate, bindings: inner });
        }
        break;
      }
    }
  }
  return paths;
}
