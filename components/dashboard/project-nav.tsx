import Link from 'next/link';

export function ProjectNav({ projectId, name, current }: { projectId: string; name: string; current: 'dashboard' | 'payments' }) {
  const link = (href: string, label: string, active: boolean) => (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={`rounded-md px-3 py-1 text-sm ${active ? 'bg-gray-200 font-medium dark:bg-gray-800' : 'hover:bg-gray-100 dark:hover:bg-gray-900'}`}
    >
      {label}
    </Link>
  );
  return (
    <header className="mb-4 flex flex-wrap items-center justify-between gap-2">
      <h1 className="text-xl font-semibold">{name}</h1>
      <nav aria-label="Project" className="flex gap-1">
        {link(`/projects/${projectId}`, 'Dashboard', current === 'dashboard')}
        {link(`/projects/${projectId}/payments`, 'Payments', current === 'payments')}
        {link(`/projects/${projectId}/settings`, 'Settings', false)}
      </nav>
    </header>
  );
}
