"use client";
import { Button } from "../components/button";
import { TextField } from "../components/field";
import { Section } from "../components/layout";
import { type MemberDecisions, type MemberListItem, MemberRow } from "./member-row";

export type MembersSectionProps = {
  members: MemberListItem[];
  loading: boolean;
  decisions: Record<string, MemberDecisions> | undefined;
  search: string;
  onSearch: (value: string) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
};

/** Organization users: username, email, role and status (R30), with their actions. */
export function MembersSection(props: MembersSectionProps) {
  return (
    <Section title="Organization users">
      <div className="mb-3 max-w-sm">
        <TextField
          label="Search by username or email"
          type="search"
          value={props.search}
          onChange={(e) => props.onSearch(e.target.value)}
        />
      </div>
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <thead className="text-ok-muted">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                Username
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Email
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Role
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Status
              </th>
              <th scope="col" className="py-2 text-right font-medium">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {props.members.map((member) => (
              <MemberRow key={member.id} member={member} actions={props.decisions?.[member.id]} />
            ))}
          </tbody>
        </table>
      </div>
      {props.members.length === 0 ? (
        <p className="py-3 text-sm text-ok-muted">No users match.</p>
      ) : null}
      {props.hasMore ? (
        <div className="mt-3">
          <Button pending={props.loadingMore} onClick={props.onLoadMore}>
            Load more
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
