# Glance (image service) control VM, from Debian's packages.
class role::glance {
  include inception

  package { 'glance-api':
    ensure => 'installed',
  }

  file { '/etc/glance/glance-api.conf':
    ensure    => file,
    mode      => '0640',
    show_diff => false,
    content   => Sensitive(epp('inception/ini.epp', { sections => {
      "DEFAULT" => { "bind_port" => "9292" },
      "database" => { "connection" => "mysql+pymysql://glance:${inception::db_password_text}@mysql/glance" },
      "keystone_authtoken" => { "www_authenticate_uri" => $inception::endpoints["keystone"] },
    } })),
    require   => Package['glance-api'],
    notify    => Service['glance-api'],
  }

  service { 'glance-api':
    ensure => running,
    enable => true,
  }
}
