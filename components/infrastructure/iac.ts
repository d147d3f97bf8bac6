/** The IaC names the browser uses (IAC_CONTRACT.md), from one place. */
export * from "./iacStandIn";
