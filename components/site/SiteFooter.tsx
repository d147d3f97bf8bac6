export function SiteFooter() {
  return (
    <footer className="border-t border-border">
      <div className="page-container py-8 text-base leading-relaxed text-text-muted sm:px-8">
        <p>
          Pipeline Lab is open source. The simulation runs in your browser on virtual time with a seeded random generator, so the same seed replays the same
          run.
        </p>
        <p className="mt-1">AWS service names are used for teaching; Pipeline Lab is not affiliated with Amazon Web Services.</p>
      </div>
    </footer>
  );
}
