import type { Metadata } from "next";
import { MonitoringView } from "@/components/monitoring/MonitoringView";

export const metadata: Metadata = {
  title: "Monitoring",
  description: "Production telemetry, alarms and incidents of the running pipeline: detection, time to restore and the postmortems that follow.",
};

/** /simulator/monitoring: a view of the workspace's running simulation (app/simulator/layout.tsx). */
export default function MonitoringPage() {
  return <MonitoringView />;
}
