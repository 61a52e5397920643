import { activity } from "./activity";
import { common } from "./common";
import { emails } from "./emails";
import { inviteSeveral } from "./invite-several";
import { links } from "./links";
import { organization } from "./organization";
import { reasons } from "./reasons";
import { users } from "./users";
/** English, in the product guide's words: the catalogue every other locale matches key for key. */
export const en = {
  activity,
  common,
  emails,
  inviteSeveral,
  links,
  organization,
  reasons,
  users,
};
