import type { Metadata } from "next";
import { LessonIndex } from "@/components/learn/LessonIndex";
import { LESSONS } from "@/machines/lessons/catalog";

export const metadata: Metadata = {
  title: "Lessons",
  description:
    "Learn DevOps by running it: lessons on the pipeline, Continuous Integration, Delivery and Deployment, release cadence and monitoring, each with goals the simulation checks.",
};

/** /learn: the lessons in their suggested order, with the learner's progress and a way in for a trainer. */
export default function Page() {
  return <LessonIndex lessons={LESSONS} />;
}
