"use client";
import { Button } from "../components/button";
import { TextField } from "../components/field";
import { Section } from "../components/layout";
import { Table } from "../components/table";
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
      <Table columns={["Username", "Email", "Role", "Status", "Actions"]}>
        {props.members.map((member) => (
          <MemberRow key={member.id} member={member} actions={props.decisions?.[member.id]} />
        ))}
      </Table>
      {props.members.length === 0 ? (
        <p className="py-3 text-sm text-ok-muted">
          {props.loading ? "Loading…" : "No users match."}
        </p>
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
