import type { Metadata } from "next";
import { SpeakerNotes } from "@/components/present/SpeakerNotes";

export const metadata: Metadata = {
  title: "Speaker notes",
  description: "The presenter's second window: what the room sees, what to ask, the number to point at, and controls for the projected pipeline.",
};

export default function SpeakerNotesPage() {
  return <SpeakerNotes />;
}
