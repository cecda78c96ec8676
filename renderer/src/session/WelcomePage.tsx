import { CenteredCard } from './CenteredCard';
import { ProfileForm } from './ProfileForm';

/** First run: nobody exists yet, so the first profile is created here and signed in. */
export function WelcomePage() {
  return (
    <CenteredCard
      title="Welcome to Stockbell"
      subtitle="Keep track of parts and stock, and hear about it before anything runs out. Start by telling us who you are."
    >
      {/* useMutate refreshes every query on success, so the session read picks up the new user. */}
      <ProfileForm onCreated={() => undefined} />
    </CenteredCard>
  );
}
