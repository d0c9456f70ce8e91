/**
 * A name as users call it, with its code after it as secondary text (朝阳社区第1网格 420923100001001). Without a
 * name, the code alone, so nothing is hidden. Used wherever a grid, area, unit, item or action is shown.
 */
export function CodeName({ name, code, testId }: { name: string | null | undefined; code: string | null | undefined; testId?: string }) {
  if (!code) return <>—</>;
  if (!name || name === code) {
    return (
      <span className="mono" data-testid={testId}>
        {code}
      </span>
    );
  }
  return (
    <span className="code-name" data-testid={testId}>
      {name}
      <span className="code-name-code mono">{code}</span>
    </span>
  );
}
