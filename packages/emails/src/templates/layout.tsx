import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";
import { emailText } from "../i18n";

const styles = {
  body: { backgroundColor: "#f4f4f5", fontFamily: "Helvetica, Arial, sans-serif", margin: 0 },
  container: {
    backgroundColor: "#ffffff",
    margin: "32px auto",
    maxWidth: "560px",
    padding: "32px",
  },
  heading: { color: "#18181b", fontSize: "22px", margin: "0 0 16px" },
  text: { color: "#3f3f46", fontSize: "15px", lineHeight: "24px" },
  button: {
    backgroundColor: "#18181b",
    borderRadius: "6px",
    color: "#ffffff",
    display: "inline-block",
    fontSize: "15px",
    padding: "12px 20px",
    textDecoration: "none",
  },
  small: {
    color: "#71717a",
    fontSize: "13px",
    lineHeight: "20px",
    wordBreak: "break-all" as const,
  },
} as const;

export type EmailLayoutProps = {
  preview: string;
  heading: string;
  /** The email's language, e.g. `"de"`: screen readers read it with the right voice. */
  lang: string;
  children: ReactNode;
};

/** The frame every orgkit email shares. */
export function EmailLayout({ preview, heading, lang, children }: EmailLayoutProps) {
  return (
    <Html lang={lang}>
      <Head>
        <title>{heading}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        {/* The one landmark: screen readers that read HTML mail find the message at once. */}
        <main>
          <Container style={styles.container}>
            <Heading style={styles.heading}>{heading}</Heading>
            {children}
          </Container>
        </main>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

/** A call to action, with the raw link below it for clients that block buttons. */
export function Action({ href, label, lang }: { href: string; label: string; lang: string }) {
  return (
    <Section style={{ margin: "24px 0" }}>
      <Button href={href} style={styles.button}>
        {label}
      </Button>
      <Text style={styles.small}>{emailText(lang)("openLink", { url: href })}</Text>
    </Section>
  );
}

export function Footnote({ children }: { children: ReactNode }) {
  return (
    <>
      <Hr />
      <Text style={styles.small}>{children}</Text>
    </>
  );
}
