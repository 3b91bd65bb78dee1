# A compute cell's database (MariaDB): one per cell, as Rackspace's cells split the DB.
class role::cell_mysql {
  include inception

  package { 'mariadb-server':
    ensure => 'installed',
  }

  file { '/etc/mysql/mariadb.conf.d/60-inception.cnf':
    ensure    => file,
    mode      => '0640',
    show_diff => false,
    content   => Sensitive(epp('inception/ini.epp', { sections => {
      "mysqld" => { "bind-address" => "0.0.0.0", "max_connections" => "2000" },
    } })),
    require   => Package['mariadb-server'],
    notify    => Service['mariadb'],
  }

  service { 'mariadb':
    ensure => running,
    enable => true,
  }
}
