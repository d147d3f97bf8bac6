/** Runs once when the server starts (Next's instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseMethodsFetchCannotCarry } = await import("@/lib/security/refuseMethods");
    refuseMethodsFetchCannotCarry();
  }
}
