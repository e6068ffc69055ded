-- Merges reach records the merging user cannot see: a worker living in another district may be employed by the
-- enterprise merged. These functions do exactly that one move over every region, nothing else.

-- the kept record of a merged enterprise (or the enterprise itself), whatever the caller's region
create function enterprise_kept(enterprise bigint) returns bigint
    language plpgsql stable security definer set search_path = public as $$
declare
    scope text := coalesce(current_setting('chunfeng.scope', true), '-');
    kept bigint;
begin
    perform set_config('chunfeng.scope', '', true);
    select coalesce(e.merged_into, e.id) into kept from enterprise e where e.id = enterprise;
    perform set_config('chunfeng.scope', scope, true);
    return coalesce(kept, enterprise);
end $$;

-- workers employed by (or returning to) a merged enterprise follow its kept record
create function worker_employers_merged(duplicate bigint, kept bigint) returns int
    language plpgsql security definer set search_path = public as $$
declare
    scope text := coalesce(current_setting('chunfeng.scope', true), '-');
    moved int;
begin
    perform set_config('chunfeng.scope', '', true);
    update worker set
        employer_id = case when employer_id = duplicate then kept else employer_id end,
        plan_waiting_employer_id = case when plan_waiting_employer_id = duplicate then kept
                                        else plan_waiting_employer_id end,
        version = version + 1, updated_at = now()
    where employer_id = duplicate or plan_waiting_employer_id = duplicate;
    get diagnostics moved = row_count;
    perform set_config('chunfeng.scope', scope, true);
    return moved;
end $$;

-- a worker is never linked to a merged (read-only) enterprise: the link goes to the kept record
create function worker_employer_kept() returns trigger language plpgsql as $$
begin
    if new.employer_id is not null then
        new.employer_id := enterprise_kept(new.employer_id);
    end if;
    if new.plan_waiting_employer_id is not null then
        new.plan_waiting_employer_id := enterprise_kept(new.plan_waiting_employer_id);
    end if;
    return new;
end $$;
create trigger worker_employer_kept before insert or update of employer_id, plan_waiting_employer_id on worker
    for each row execute function worker_employer_kept();
