import type { Messages } from "../types";
import { activity } from "./activity";
import { common } from "./common";
import { emails } from "./emails";
import { inviteSeveral } from "./invite-several";
import { links } from "./links";
import { organization } from "./organization";
import { reasons } from "./reasons";
import { users } from "./users";
/** German, complete: every key of English's catalogue, with the same placeholders. */
export const de: Messages = {
  activity,
  common,
  emails,
  inviteSeveral,
  links,
  organization,
  reasons,
  users,
};
