//! `krm init`: a new register with the schema, the reference data, a deadline
//! policy and its first officer. A shared register (`--group`, or the one of
//! a set-group-id krm) maps the officer to their operating-system account
//! (`--login`; by default the account of whoever creates it, when they are
//! its officer), so that the officer can act in it.
//! A set-group-id krm creates the register its configuration names, for its
//! group, and only for root or a member of that group (the administrator).

use anyhow::{Context, Result};

use crate::cli::InitArgs;
use crate::context::{interactive, Ctx};
use crate::domain::retention_decision::{pseudonymise_after, KRM_DEFAULT_YEARS, TEN_YEAR_RULE};
use crate::domain::text::{login, quote};
use crate::error::{not_allowed, refused};
use crate::privilege;
use crate::store::Store;

pub fn run(ctx: &Ctx, args: &InitArgs) -> Result<()> {
    if ctx.config.is_some() && !privilege::member_of(privilege::register_gid()) {
        return Err(not_allowed(crate::tr!("cmd-init-admin-only")));
    }
    let officer = args.officer.as_deref().unwrap_or(&ctx.user);
    let officer = login("--officer", officer).map_err(refused)?;
    let shared = args.group.is_some() || ctx.config.is_some();
    let creator = privilege::login_of(privilege::real_uid());
    let account = match &args.login {
        Some(given) => Some(login("--login", given).map_err(refused)?),
        // In a shared register, the creator's account, when they make
        // themselves the officer; a personal register needs none.
        None => creator.filter(|c| shared && (args.officer.is_none() || *c == officer)),
    };
    let preset = args.policy.trim().to_lowercase();
    // Check the preset before anything touches the file system.
    let presets = Store::in_memory()?.presets()?;
    if !presets.contains(&preset) {
        return Err(refused(crate::tr!(
            "cmd-init-unknown-preset",
            given = quote(&args.policy),
            valid = presets.join(", ")
        )));
    }
    // Rostock pseudonymises after a period the office confirms (HRO 3.8's
    // ten years are the paper archive's): asked on a terminal, given by
    // --pseudonymise-after, else krm's default, which init then names.
    // Braunschweig deletes completely after two years (BS 6): no question.
    let pseudonymises = preset == "rostock";
    if args.pseudonymise_after.is_some() && !pseudonymises {
        return Err(refused(crate::tr!("cmd-init-pseudonymise-not-here", preset = &preset)));
    }
    let retention = match args.pseudonymise_after {
        Some(years) => Some((pseudonymise_after(years, TEN_YEAR_RULE).map_err(|e| refused(e.0))?, true)),
        None if pseudonymises && !args.no_input && interactive() => Some((ask_years()?, true)),
        None if pseudonymises => Some((KRM_DEFAULT_YEARS, false)),
        None => None,
    };
    let group = args.group.clone().or_else(|| ctx.config.as_ref().and_then(|c| c.group.clone()));
    let gid = match &group {
        Some(name) => Some(crate::access::group_id(name)?),
        None if ctx.config.is_some() => Some(privilege::register_gid()),
        None => None,
    };
    // The officer's account and the group are set before the register is
    // moved into place: a register half set up never appears.
    let finish = |temp: &std::path::Path| -> Result<()> {
        if let Some((years, confirmed)) = retention {
            Store::open(temp)?.confirm_retention(years, confirmed, &officer, ctx.today)?;
        }
        if let Some(account) = &account {
            Store::open(temp)?.set_first_login(&officer, account, ctx.today)?;
        }
        if let Some(gid) = gid {
            crate::access::share_with_group(temp, gid).context(crate::tr!("cmd-init-not-created"))?;
        }
        Ok(())
    };
    let store = Store::create_with(&ctx.db, &preset, &officer, ctx.today, finish)?;
    if gid.is_some() {
        crate::say!(
            "{}",
            crate::tr!("cmd-init-shared", group = group.unwrap_or_else(|| gid.unwrap_or_default().to_string()))
        );
    }
    let path = store.path().display().to_string();
    crate::say!("{}", crate::tr!("cmd-init-done", path = path, preset = &preset, officer = &officer));
    match &account {
        Some(account) => crate::say!("{}", crate::tr!("cmd-init-login", officer = &officer, login = account)),
        None if gid.is_some() => crate::say!("{}", crate::tr!("cmd-init-no-login", officer = &officer)),
        None => {}
    }
    match retention {
        Some((years, true)) => crate::say!("{}", crate::tr!("cmd-init-retention", years = years)),
        Some((years, false)) => crate::say!("{}", crate::tr!("cmd-init-retention-default", years = years)),
        None => {}
    }
    crate::say!("{}", crate::tr!("cmd-init-next"));
    Ok(())
}

/// The question at a terminal: after how many years the register's cases
/// lose their customer data, krm's default offered and said to be krm's.
fn ask_years() -> Result<u32> {
    use dialoguer::Input;
    crate::say!("{}", crate::tr!("cmd-init-retention-explain", years = KRM_DEFAULT_YEARS, archive = TEN_YEAR_RULE));
    let answer: String = Input::new()
        .with_prompt(crate::tr!("cmd-init-retention-ask"))
        .default(KRM_DEFAULT_YEARS.to_string())
        .validate_with(|t: &String| -> Result<(), String> {
            let years: u32 = t.trim().parse().map_err(|_| crate::tr!("cmd-init-retention-not-a-number"))?;
            pseudonymise_after(years, TEN_YEAR_RULE).map(|_| ()).map_err(|e| e.0)
        })
        .interact_text()
        .map_err(|e| refused(crate::tr!("record-input-ended", cause = e.to_string())))?;
    Ok(answer.trim().parse().unwrap_or(KRM_DEFAULT_YEARS))
}
