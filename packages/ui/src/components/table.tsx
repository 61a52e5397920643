import type { ReactNode } from "react";

/**
 * A list table that scrolls sideways on narrow screens. The wrapper is positioned so
 * screen-reader-only text inside stays clipped with the table instead of widening the page.
 */
export function Table({
  columns,
  label,
  children,
}: {
  columns: string[];
  /** Names the table's scrolling area, which then takes focus to scroll by keyboard. */
  label?: string;
  children: ReactNode;
}) {
  return (
    <div
      className="relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-ok-focus"
      {...(label ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      <table className="w-full min-w-[40rem] text-left text-sm">
        <thead className="text-ok-muted">
          <tr>
            {columns.map((column, index) => (
              <th
                key={column}
                scope="col"
                className={
                  index === columns.length - 1
                    ? "py-2 text-right font-medium"
                    : "py-2 pr-3 font-medium"
                }
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
