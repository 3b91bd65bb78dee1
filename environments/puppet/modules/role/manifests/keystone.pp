# Keystone (identity) control VM, from Debian's packages.
class role::keystone {
  include inception

  package { 'keystone':
    ensure => 'installed',
  }

  file { '/etc/keystone/keystone.conf':
    ensure    => file,
    mode      => '0640',
    show_diff => false,
    content   => Sensitive(epp('inception/ini.epp', { sections => {
      "database" => { "connection" => "mysql+pymysql://keystone:${inception::db_password_text}@mysql/keystone" },
      "token" => { "provider" => "fernet" },
    } })),
    require   => Package['keystone'],
    notify    => Service['keystone'],
  }

  service { 'keystone':
    ensure => running,
    enable => true,
  }
}
