"use client";

import "@xyflow/react/dist/base.css";
import { ReactFlow, type Edge, type Node } from "@xyflow/react";
import { useActorRef, useSelector } from "@xstate/react";
import { createMachine } from "xstate";

const toggle = createMachine({
  id: "toggle",
  initial: "off",
  states: { off: { on: { toggle: "on" } }, on: { on: { toggle: "off" } } },
});

const nodes: Node[] = [
  { id: "a", position: { x: 0, y: 0 }, data: { label: "A" } },
  { id: "b", position: { x: 200, y: 0 }, data: { label: "B" } },
];
const edges: Edge[] = [{ id: "a-b", source: "a", target: "b" }];

/** Next, React, XState (+ @xstate/react) and React Flow, and nothing else: the bundle baseline. */
export function BareFlow() {
  const actor = useActorRef(toggle);
  const on = useSelector(actor, (s) => s.matches("on"));
  return (
    <div style={{ height: 240 }}>
      <button type="button" onClick={() => actor.send({ type: "toggle" })}>
        {on ? "On" : "Off"}
      </button>
      <ReactFlow nodes={nodes} edges={edges} fitView />
    </div>
  );
}
